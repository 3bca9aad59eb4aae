package dev.ponder.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** NVIDIA GPUs as {@code nvidia-smi} lists them: the one tool that reports free VRAM for CUDA. */
final class NvidiaSmi {

    static final List<String> COMMAND = List.of("nvidia-smi",
            "--query-gpu=name,memory.total,memory.free,driver_version", "--format=csv,noheader,nounits");

    private static final long MIB = 1L << 20;

    private NvidiaSmi() {
    }

    /** One GPU per CSV line: name, total MiB, free MiB, driver. Lines that do not parse are left out. */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.lines().toList()) {
            String[] fields = line.split(",");
            if (fields.length < 4) {
                continue;
            }
            String name = fields[0].strip();
            if (name.isEmpty()) {
                continue;
            }
            gpus.add(new Gpu(name, "NVIDIA", mebibytes(fields[1]), mebibytes(fields[2]), text(fields[3]), false,
                    List.of(GpuBackend.CUDA)));
        }
        return gpus;
    }

    /** A figure in MiB, or null for "[N/A]", "[Not Supported]" and other words nvidia-smi prints instead. */
    private static Long mebibytes(String field) {
        try {
            return Long.parseLong(field.strip()) * MIB;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String field) {
        String value = field.strip();
        return value.isEmpty() || value.startsWith("[") || value.toUpperCase(Locale.ROOT).equals("N/A") ? null
                : value;
    }
}
