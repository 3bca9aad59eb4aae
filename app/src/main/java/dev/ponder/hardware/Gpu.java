package dev.ponder.hardware;

import java.util.Collection;
import java.util.List;

/**
 * One graphics processor.
 *
 * @param name           the device name, e.g. "NVIDIA GeForce RTX 3060"
 * @param vendor         NVIDIA, AMD, Intel, Apple..., or null
 * @param vramTotalBytes video memory, or null when no tool reported it
 * @param vramFreeBytes  video memory not in use now, or null when unknown
 * @param driver         the driver version, or null
 * @param unifiedMemory  whether the GPU shares main memory (Apple silicon): its "VRAM" is then a share of the RAM
 * @param backends       the llama.cpp backends that can use it, in {@link GpuBackend} order
 */
public record Gpu(String name, String vendor, Long vramTotalBytes, Long vramFreeBytes, String driver,
                  boolean unifiedMemory, List<GpuBackend> backends) {

    public Gpu {
        backends = backends.stream().distinct().sorted().toList();
    }

    /** The same device, usable by more backends too (one GPU seen by two tools). */
    Gpu withBackends(Collection<GpuBackend> more) {
        List<GpuBackend> all = new java.util.ArrayList<>(backends);
        all.addAll(more);
        return new Gpu(name, vendor, vramTotalBytes, vramFreeBytes, driver, unifiedMemory, all);
    }

    /** The VRAM a model may take: the free figure when known, else the total; 0 when neither is known. */
    public long usableVramBytes() {
        if (vramFreeBytes != null) {
            return vramFreeBytes;
        }
        return vramTotalBytes == null ? 0 : vramTotalBytes;
    }
}
