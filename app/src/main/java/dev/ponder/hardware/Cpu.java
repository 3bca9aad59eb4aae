package dev.ponder.hardware;

import java.util.List;

/**
 * The processor.
 *
 * @param model           the name the processor gives itself, or null
 * @param architecture    the JVM's name for it: amd64, aarch64...
 * @param physicalCores   cores, not counting hyper-threads; llama.cpp runs best with one thread per core
 * @param logicalCores    hardware threads
 * @param instructionSets the SIMD extensions llama.cpp's CPU kernels use that this processor has (AVX2, AVX512F,
 *                        NEON, ...), in a fixed order; empty when they could not be read
 */
public record Cpu(String model, String architecture, int physicalCores, int logicalCores,
                  List<String> instructionSets) {

    public Cpu {
        instructionSets = List.copyOf(instructionSets);
    }
}
