package dev.ponder.ui.models;

import java.util.List;
import java.util.stream.Collectors;

import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.GpuBackend;
import dev.ponder.hardware.Memory;

/** The probed machine in the few words the Models view's top line has room for; what is unknown says so. */
final class HardwareSummary {

    private HardwareSummary() {
    }

    static String cpu(Cpu cpu) {
        String name = cpu.model() == null ? "Processor unknown" : cpu.model();
        return name + " · " + cpu.physicalCores() + (cpu.physicalCores() == 1 ? " core" : " cores")
                + (cpu.logicalCores() != cpu.physicalCores() ? ", " + cpu.logicalCores() + " threads" : "");
    }

    /** The instruction sets llama.cpp's CPU kernels use, for a tooltip. */
    static String instructionSets(Cpu cpu) {
        return cpu.instructionSets().isEmpty() ? "Instruction sets unknown"
                : "Instruction sets: " + String.join(" ", cpu.instructionSets());
    }

    static String memory(Memory memory) {
        return "RAM " + ByteSize.of(memory.totalBytes()) + ", " + ByteSize.of(memory.availableBytes()) + " free";
    }

    static String gpus(List<Gpu> gpus) {
        if (gpus.isEmpty()) {
            return "No GPU found: models run on the CPU";
        }
        return gpus.stream().map(HardwareSummary::gpu).collect(Collectors.joining("; "));
    }

    private static String gpu(Gpu gpu) {
        String vram = gpu.vramTotalBytes() == null ? "VRAM unknown" : ByteSize.of(gpu.vramTotalBytes())
                + (gpu.vramFreeBytes() == null ? "" : ", " + ByteSize.of(gpu.vramFreeBytes()) + " free");
        String backends = gpu.backends().stream().map(HardwareSummary::backend).collect(Collectors.joining(", "));
        return gpu.name() + ": " + vram + (backends.isEmpty() ? "" : " (" + backends + ")");
    }

    private static String backend(GpuBackend backend) {
        return switch (backend) {
            case CUDA -> "CUDA";
            case VULKAN -> "Vulkan";
            case METAL -> "Metal";
        };
    }

    static String disk(Disk disk) {
        return disk.freeBytes() == null ? "Free disk unknown" : ByteSize.of(disk.freeBytes()) + " free for models";
    }
}
