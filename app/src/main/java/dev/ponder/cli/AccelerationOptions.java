package dev.ponder.cli;

import dev.ponder.engine.Acceleration;
import dev.ponder.engine.ActiveBackend;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.KvCacheType;
import picocli.CommandLine.Option;

/** The backend options every command that loads a model shares. */
final class AccelerationOptions {

    @Option(names = "--backend", paramLabel = "NAME", converter = BackendConverter.class,
            description = "auto, cuda, vulkan or cpu (default: auto: CUDA, else Vulkan, else the CPU, each where "
                    + "its llama.cpp build exists and finds a GPU).")
    BackendChoice backend = BackendChoice.AUTO;

    @Option(names = "--gpu-layers", paramLabel = "N", description = "Layers to put on the GPU (default: all that "
            + "fit in its free memory; 0 keeps the model in RAM).")
    int gpuLayers = Acceleration.ALL_LAYERS_THAT_FIT;

    @Option(names = "--flash-attention", description = "Use llama.cpp's flash attention (faster on most GPUs; "
            + "needed by a quantized KV cache).")
    boolean flashAttention;

    @Option(names = "--kv-cache", paramLabel = "TYPE", converter = KvCacheConverter.class,
            description = "f16, q8_0 or q4_0: how the context is stored (default: f16; q8_0 holds twice the context "
                    + "in the same memory).")
    KvCacheType kvCache = KvCacheType.F16;

    /** @throws IllegalArgumentException when the options contradict each other, worded for the user */
    Acceleration acceleration() {
        return new Acceleration(backend, gpuLayers, flashAttention, kvCache);
    }

    /** What the load fell back from, one line each, for stderr: "CUDA could not be used (…); using the CPU." */
    static void printFallbacks(ActiveBackend active) {
        for (String line : active.fallbacks()) {
            System.err.println("ponder: " + line + "; using " + active.backend() + " instead.");
        }
    }

    static final class BackendConverter implements picocli.CommandLine.ITypeConverter<BackendChoice> {
        @Override
        public BackendChoice convert(String value) {
            return BackendChoice.fromLabel(value);
        }
    }

    static final class KvCacheConverter implements picocli.CommandLine.ITypeConverter<KvCacheType> {
        @Override
        public KvCacheType convert(String value) {
            return KvCacheType.fromLabel(value);
        }
    }
}
