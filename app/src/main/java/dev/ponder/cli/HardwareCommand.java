package dev.ponder.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.HardwareProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ponder hardware}: what this machine offers a model. */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = "Show the CPU, memory, free disk and GPUs (with their llama.cpp backends) of this machine.")
final class HardwareCommand implements Callable<Integer> {

    @Mixin
    ModelsFolderOption models;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Hardware hardware = new HardwareProbe().probe(models.folder());
        if (json) {
            System.out.println(Json.write(hardware));
            return 0;
        }
        Cpu cpu = hardware.cpu();
        System.out.printf(Locale.ROOT, "CPU        %s (%s), %d cores, %d threads%n", known(cpu.model()),
                cpu.architecture(), cpu.physicalCores(), cpu.logicalCores());
        System.out.printf("           %s%n", cpu.instructionSets().isEmpty() ? "instruction sets unknown"
                : String.join(" ", cpu.instructionSets()));
        Double bandwidth = hardware.memory().bandwidthBytesPerSecond();
        System.out.printf(Locale.ROOT, "memory     %s, %s available%s%n", InspectCommand.bytes(hardware.memory()
                .totalBytes()), InspectCommand.bytes(hardware.memory().availableBytes()),
                bandwidth == null ? "" : String.format(Locale.ROOT, ", copies at %.1f GB/s", bandwidth / 1e9));
        System.out.printf("disk       %s free in %s%n", hardware.disk().freeBytes() == null ? "unknown"
                : InspectCommand.bytes(hardware.disk().freeBytes()), hardware.disk().folder());
        if (hardware.gpus().isEmpty()) {
            System.out.println("GPU        none found (no nvidia-smi or vulkaninfo answered): models run on the CPU");
        }
        for (Gpu gpu : hardware.gpus()) {
            System.out.printf("GPU        %s%s: VRAM %s, %s free; driver %s; %s%n", gpu.name(),
                    gpu.vendor() == null ? "" : " (" + gpu.vendor() + ")", size(gpu.vramTotalBytes()),
                    size(gpu.vramFreeBytes()), known(gpu.driver()),
                    String.join(", ", gpu.backends().stream().map(Enum::name).toList())
                            + (gpu.unifiedMemory() ? ", shares the RAM" : ""));
        }
        return 0;
    }

    private static String size(Long bytes) {
        return bytes == null ? "unknown" : InspectCommand.bytes(bytes);
    }

    private static String known(String text) {
        return text == null ? "unknown" : text;
    }
}
