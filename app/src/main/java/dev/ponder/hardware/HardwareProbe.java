package dev.ponder.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/**
 * Finds out what this machine has: OSHI for the processor and memory (it knows Linux, Windows and macOS), the
 * vendors' own tools for GPUs. Nothing here throws: whatever cannot be found out is reported as unknown.
 */
public final class HardwareProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HardwareProbe.class);
    /** macOS lets the GPU wire about this share of the RAM by default (Metal's recommendedMaxWorkingSetSize). */
    private static final double APPLE_GPU_SHARE = 0.75;

    private final ToolRunner tools;
    private final String osName;
    private final String osArch;
    private final Path drm;

    public HardwareProbe() {
        this(ToolRunner.system(Duration.ofSeconds(10)), System.getProperty("os.name"), System.getProperty("os.arch"),
                Path.of("/sys/class/drm"));
    }

    /**
     * With chosen tools, platform and Linux DRM folder, so that every platform's GPU discovery can be tested
     * anywhere.
     */
    public HardwareProbe(ToolRunner tools, String osName, String osArch, Path drm) {
        this.tools = tools;
        this.osName = osName;
        this.osArch = osArch;
        this.drm = drm;
    }

    /** The whole picture, with the free disk space of {@code modelsFolder}. */
    public Hardware probe(Path modelsFolder) {
        SystemInfo system = new SystemInfo();
        Cpu cpu = cpu(system);
        Memory memory = memory(system);
        return new Hardware(cpu, memory, disk(modelsFolder), gpus(cpu, memory));
    }

    private Cpu cpu(SystemInfo system) {
        int logical = Runtime.getRuntime().availableProcessors();
        try {
            CentralProcessor processor = system.getHardware().getProcessor();
            String name = processor.getProcessorIdentifier().getName();
            int physical = processor.getPhysicalProcessorCount();
            return new Cpu(name == null || name.isBlank() ? null : name.strip(), osArch,
                    physical > 0 ? physical : logical, Math.max(logical, processor.getLogicalProcessorCount()),
                    CpuFeatures.relevant(processor.getFeatureFlags()));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("the processor could not be probed", e);
            return new Cpu(null, osArch, logical, logical, List.of());
        }
    }

    private static Memory memory(SystemInfo system) {
        try {
            GlobalMemory memory = system.getHardware().getMemory();
            return new Memory(memory.getTotal(), memory.getAvailable(), MemoryBandwidth.measure());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("memory could not be probed", e);
            // The JVM's own view: what it may still grow to is the least that is free.
            long max = Runtime.getRuntime().maxMemory();
            return new Memory(max, max, MemoryBandwidth.measure());
        }
    }

    /** The usable space of the disk the folder is (or would be) on: the nearest folder that exists is asked. */
    static Disk disk(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                try {
                    return new Disk(absolute, Files.getFileStore(existing).getUsableSpace());
                } catch (IOException e) {
                    LOG.debug("free space of {} unknown", existing, e);
                    break;
                }
            }
        }
        return new Disk(absolute, null);
    }

    List<Gpu> gpus(Cpu cpu, Memory memory) {
        List<Gpu> gpus = new ArrayList<>(tools.run(NvidiaSmi.COMMAND).map(NvidiaSmi::parse).orElse(List.of()));
        for (Gpu vulkan : tools.run(VulkanInfo.COMMAND).map(VulkanInfo::parse).orElse(List.of())) {
            int same = indexOfName(gpus, vulkan.name());
            if (same >= 0) {
                gpus.set(same, gpus.get(same).withBackends(vulkan.backends()));
            } else {
                gpus.add(vulkan);
            }
        }
        addAmdMemory(gpus);
        if (isAppleSilicon()) {
            gpus.add(appleGpu(cpu, memory));
        }
        gpus.sort(Comparator.comparingLong(Gpu::usableVramBytes).reversed());
        return gpus;
    }

    /**
     * Gives the AMD GPUs Vulkan found their VRAM from the driver. The two lists are matched only when they are the
     * same length, in order; otherwise which card is which cannot be told, and the VRAM stays unknown.
     */
    private void addAmdMemory(List<Gpu> gpus) {
        List<Integer> amd = new ArrayList<>();
        for (int i = 0; i < gpus.size(); i++) {
            if ("AMD".equals(gpus.get(i).vendor()) && gpus.get(i).vramTotalBytes() == null) {
                amd.add(i);
            }
        }
        List<AmdSysfs.Vram> cards = amd.isEmpty() ? List.of() : AmdSysfs.cards(drm);
        if (cards.size() != amd.size()) {
            return;
        }
        for (int k = 0; k < amd.size(); k++) {
            Gpu gpu = gpus.get(amd.get(k));
            AmdSysfs.Vram vram = cards.get(k);
            gpus.set(amd.get(k), new Gpu(gpu.name(), gpu.vendor(), vram.totalBytes(),
                    vram.totalBytes() - vram.usedBytes(), gpu.driver(), false, gpu.backends()));
        }
    }

    private static int indexOfName(List<Gpu> gpus, String name) {
        for (int i = 0; i < gpus.size(); i++) {
            if (gpus.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isAppleSilicon() {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac") && "aarch64".equals(osArch);
    }

    /** Apple silicon's GPU shares the RAM; Metal lets it have about three quarters of it. */
    private static Gpu appleGpu(Cpu cpu, Memory memory) {
        long share = (long) (memory.totalBytes() * APPLE_GPU_SHARE);
        long free = Math.min(share, memory.availableBytes());
        String name = cpu.model() == null ? "Apple silicon GPU" : cpu.model() + " GPU";
        return new Gpu(name, "Apple", share, free, null, true, List.of(GpuBackend.METAL));
    }
}
