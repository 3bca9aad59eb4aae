package dev.ponder.hardware;

import java.util.List;
import java.util.Optional;

/**
 * What this machine offers a model: the planner's input and {@code ponder hardware}'s output. Every figure the probe
 * could not find out is null ("unknown"), never a guess.
 *
 * @param cpu    the processor
 * @param memory the main memory
 * @param disk   the free space where models are kept
 * @param gpus   the graphics processors a llama.cpp backend can use, the best first; empty when there are none or
 *               none could be seen
 */
public record Hardware(Cpu cpu, Memory memory, Disk disk, List<Gpu> gpus) {

    public Hardware {
        gpus = List.copyOf(gpus);
    }

    /** The GPU a model would be offloaded to: the one with the most VRAM known. */
    public Optional<Gpu> bestGpu() {
        return gpus.stream().filter(g -> g.vramTotalBytes() != null)
                .max((a, b) -> Long.compare(a.usableVramBytes(), b.usableVramBytes()));
    }
}
