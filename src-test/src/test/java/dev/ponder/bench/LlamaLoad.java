package dev.ponder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.ponder.engine.llama.NativeLibrary;

/**
 * Loads a model into llama.cpp in a child JVM, with the engine's load parameters, and hands back its load log.
 * llama.cpp writes that log to the process's own standard output, below where Java can catch it, so reading it takes
 * a process of its own, as the engine child's supervisor does.
 */
final class LlamaLoad {

    private LlamaLoad() {
    }

    /** The child: load, then exit (java-llama.cpp leaves a non-daemon native thread behind). */
    public static void main(String[] args) throws Exception {
        NativeLibrary.prepare(NativeLibrary.defaultCacheRoot());
        ModelParameters parameters = new ModelParameters().setModel(args[0]).setCtxSize(Integer.parseInt(args[1]))
                .setThreads(1).setThreadsBatch(1).setBatchSize(512).setParallel(1).enableJinja();
        try (LlamaModel ignored = new LlamaModel(parameters)) {
            System.out.flush();
        }
        System.exit(0);
    }

    /** llama.cpp's log of loading {@code model} with a context of {@code context} tokens. */
    static List<String> log(Path model, int context) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LlamaLoad.class.getName(), model.toString(), Integer.toString(context))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("llama.cpp could not load " + model + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
