package dev.ponder.engine.llama;

import java.util.Locale;

import dev.ponder.engine.Backend;

/**
 * A GPU that a loaded llama.cpp library found.
 *
 * @param backend     whose device it is
 * @param name        ggml's name for it ("CUDA0", "Vulkan0")
 * @param description the driver's name for it ("NVIDIA H200", "llvmpipe (LLVM 15.0.6, 256 bits)")
 * @param freeBytes   memory free on it now
 * @param totalBytes  all its memory
 */
public record GpuDevice(Backend backend, String name, String description, long freeBytes, long totalBytes) {

    /**
     * Whether this is a GPU emulated on the CPU (Mesa's lavapipe, SwiftShader): a real Vulkan device, good for tests,
     * but slower than llama.cpp's own CPU backend.
     */
    public boolean software() {
        String text = description.toLowerCase(Locale.ROOT);
        return text.contains("llvmpipe") || text.contains("lavapipe") || text.contains("swiftshader");
    }
}
