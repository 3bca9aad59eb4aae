package dev.ponder.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The default decode thread count.
 *
 * <p>llama.cpp decodes fastest with one thread per physical core (hyper-threads only contend for the same FPU), and
 * its threads spin at every layer barrier: a thread that shares its core with the app's own work (the UI, the store
 * writer, the engine's I/O) stalls all the others. Measured with {@code ponder bench --threads 1,2} on a 2-core
 * machine: 1 thread decoded many times faster than 2. So the default leaves one physical core to the app.
 */
public final class ThreadDefaults {

    private ThreadDefaults() {
    }

    public static int decodeThreads() {
        return Math.max(1, physicalCores() - 1);
    }

    /** Physical cores this process may use: /proc/cpuinfo's distinct cores on Linux, else the logical count. */
    public static int physicalCores() {
        int logical = Runtime.getRuntime().availableProcessors();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return logical;
        }
        try {
            int physical = countPhysicalCores(Files.readAllLines(cpuinfo));
            return physical > 0 ? Math.min(physical, logical) : logical;
        } catch (IOException | RuntimeException e) {
            return logical;
        }
    }

    static int countPhysicalCores(List<String> cpuinfoLines) {
        Set<String> cores = new HashSet<>();
        String physicalId = "0";
        for (String line : cpuinfoLines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("physical id")) {
                physicalId = value;
            } else if (key.equals("core id")) {
                cores.add(physicalId + "/" + value);
            }
        }
        return cores.size();
    }
}
