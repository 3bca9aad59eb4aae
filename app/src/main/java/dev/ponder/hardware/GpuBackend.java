package dev.ponder.hardware;

/** The llama.cpp GPU backends Ponder knows how to find a device for. */
public enum GpuBackend {
    /** NVIDIA GPUs, found through {@code nvidia-smi}. */
    CUDA,
    /** Any vendor's GPU with a Vulkan driver, found through {@code vulkaninfo}. */
    VULKAN,
    /** Apple silicon's GPU. */
    METAL
}
