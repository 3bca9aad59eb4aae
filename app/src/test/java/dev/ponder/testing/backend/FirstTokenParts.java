package dev.ponder.testing.backend;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.llama.NativeVariant;

/**
 * Splits the time to first token of a 1,000-token prompt into its parts, in-process with the engine's load settings:
 * tokenizing it alone, the first token of that prompt fresh, of the same prompt already cached but for one word, and
 * of a short prompt. llama-bench's prompt figure has none of the tokenizing and request handling these show. A program
 * for the GPU machine ({@code native/bench/gpu-bench.sh} runs it); prints one line.
 *
 * <p>Run in a JVM started for the build ({@code -Dponder.backend=cuda -Dponder.native.dir=…}); arguments: the model,
 * a folder for the unpacked library, and the threads.
 */
public final class FirstTokenParts {

    private static final int RUNS = 9;

    private FirstTokenParts() {
    }

    public static void main(String[] args) throws Exception {
        NativeVariant variant = NativeVariant.fromSystemProperties();
        NativeLibrary.prepare(Path.of(args[1]), variant);
        int threads = Integer.parseInt(args[2]);
        ModelParameters parameters = new ModelParameters().setModel(args[0]).setCtxSize(4096).setThreads(threads)
                .setThreadsBatch(threads).setBatchSize(2048).setParallel(1).setSlotPromptSimilarity(0);
        if (variant.backend().gpu()) {
            parameters.setGpuLayers(999).enableFlashAttn();
        }
        try (LlamaModel model = new LlamaModel(parameters)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; text.length() < 4700; i++) {
                text.append("The student asked why the model thinks before it answers, and question ").append(i)
                        .append(" followed. ");
            }
            double[] tokenize = new double[RUNS];
            double[] fresh = new double[RUNS];
            double[] cached = new double[RUNS];
            double[] shortPrompt = new double[RUNS];
            int tokens = 0;
            for (int run = -1; run < RUNS; run++) {
                String prompt = "Run " + run + ": " + text;
                long start = System.nanoTime();
                tokens = model.encode(prompt).length;
                double tokenizing = (System.nanoTime() - start) / 1e6;
                double freshFirst = firstTokenMillis(model, prompt);
                double cachedFirst = firstTokenMillis(model, prompt + " And");
                double shortFirst = firstTokenMillis(model, "Hi " + run);
                if (run >= 0) { // run -1 warms up
                    tokenize[run] = tokenizing;
                    fresh[run] = freshFirst;
                    cached[run] = cachedFirst;
                    shortPrompt[run] = shortFirst;
                }
            }
            System.out.printf(Locale.ROOT, "first token parts, %s, %d-token prompt, medians of %d: tokenizing %.2f ms;"
                    + " first token: fresh %.2f ms, cached but one word %.2f ms, short prompt %.2f ms%n",
                    variant.backend().label(), tokens, RUNS, median(tokenize), median(fresh), median(cached),
                    median(shortPrompt));
        }
        // The binding leaves a non-daemon native thread behind.
        Runtime.getRuntime().halt(0);
    }

    private static double firstTokenMillis(LlamaModel model, String prompt) {
        long start = System.nanoTime();
        for (LlamaOutput ignored : model.generate(new InferenceParameters(prompt).setNPredict(1).setTemperature(0)
                .setTopK(1).setCachePrompt(true))) {
            break;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
