package dev.ponder.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's own account of the memory it allocated, read from its load log: lines such as
 * {@code llama_kv_cache_unified:        CPU KV buffer size =     1.25 MiB}. Each kind is summed over devices.
 */
record LlamaMemoryReport(double modelMiB, double kvMiB, double computeMiB, double outputMiB) {

    private static final Pattern LINE = Pattern.compile(
            "\\S+\\s+(model|KV|compute|output) buffer size =\\s*([0-9.]+) MiB");

    static LlamaMemoryReport parse(List<String> logLines) {
        double[] sums = new double[4];
        for (String line : logLines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                int kind = switch (m.group(1)) {
                    case "model" -> 0;
                    case "KV" -> 1;
                    case "compute" -> 2;
                    default -> 3;
                };
                sums[kind] += Double.parseDouble(m.group(2));
            }
        }
        return new LlamaMemoryReport(sums[0], sums[1], sums[2], sums[3]);
    }

    double totalMiB() {
        return modelMiB + kvMiB + computeMiB + outputMiB;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "model %.2f, KV %.2f, compute %.2f, output %.2f MiB", modelMiB, kvMiB,
                computeMiB, outputMiB);
    }
}
