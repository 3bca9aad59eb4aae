package dev.ponder.testing.fit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's own account of the memory it allocated, read from its load log: lines such as
 * {@code llama_kv_cache_unified:        CPU KV buffer size =     1.25 MiB} or {@code CUDA0 model buffer size}. Each
 * kind is summed over devices, and the whole is also split between the GPU ({@code CUDA0}, {@code Vulkan0}, …) and
 * the host (the CPU's buffers and a GPU backend's pinned host buffers such as {@code CUDA_Host}).
 */
public record LlamaMemoryReport(double modelMiB, double kvMiB, double computeMiB, double outputMiB, double gpuMiB) {

    private static final Pattern LINE = Pattern.compile(
            "(\\S+)\\s+(model|KV|compute|output) buffer size =\\s*([0-9.]+) MiB");
    private static final Pattern GPU = Pattern.compile("(CUDA|Vulkan|Metal|ROCm)[0-9]+");

    public static LlamaMemoryReport parse(List<String> logLines) {
        double[] sums = new double[4];
        double gpu = 0;
        for (String line : logLines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                int kind = switch (m.group(2)) {
                    case "model" -> 0;
                    case "KV" -> 1;
                    case "compute" -> 2;
                    default -> 3;
                };
                double mib = Double.parseDouble(m.group(3));
                sums[kind] += mib;
                if (GPU.matcher(m.group(1)).matches()) {
                    gpu += mib;
                }
            }
        }
        return new LlamaMemoryReport(sums[0], sums[1], sums[2], sums[3], gpu);
    }

    public double totalMiB() {
        return modelMiB + kvMiB + computeMiB + outputMiB;
    }

    public double hostMiB() {
        return totalMiB() - gpuMiB;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "model %.2f, KV %.2f, compute %.2f, output %.2f MiB (GPU %.2f)", modelMiB,
                kvMiB, computeMiB, outputMiB, gpuMiB);
    }
}
