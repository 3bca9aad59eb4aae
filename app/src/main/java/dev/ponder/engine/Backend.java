package dev.ponder.engine;

import java.util.Locale;

/**
 * Where llama.cpp computes: one build of its library each ({@code native/build.sh cpu|vulkan|cuda}).
 *
 * <p>{@link #registryName()} is the name ggml gives the backend's registry, which is how a loaded library says which
 * devices it found.
 */
public enum Backend {
    CUDA("CUDA"),
    VULKAN("Vulkan"),
    CPU("CPU");

    private final String registryName;

    Backend(String registryName) {
        this.registryName = registryName;
    }

    /** The name users read, e.g. "Vulkan"; also ggml's name for the backend. */
    public String registryName() {
        return registryName;
    }

    /** The name on the command line and of the variant's folder: {@code cpu}, {@code vulkan}, {@code cuda}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean gpu() {
        return this != CPU;
    }

    @Override
    public String toString() {
        return registryName;
    }
}
