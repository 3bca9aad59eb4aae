package dev.ponder.testing.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.llama.NativeVariant;

/**
 * Loads a model into llama.cpp in a child JVM, with the engine's load parameters, and hands back its load log.
 * llama.cpp writes that log to the process's own standard output, below where Java can catch it, so reading it takes
 * a process of its own, as the engine child's supervisor does. The child loads the build this JVM was started for
 * ({@link NativeVariant#fromSystemProperties()}).
 */
public final class LlamaLoad {

    private LlamaLoad() {
    }

    /** The child: load, then exit (java-llama.cpp leaves a non-daemon native thread behind). */
    public static void main(String[] args) throws Exception {
        NativeLibrary.prepare(Path.of(args[3]), NativeVariant.fromSystemProperties());
        ModelParameters parameters = new ModelParameters().setModel(args[0]).setCtxSize(Integer.parseInt(args[1]))
                .setThreads(1).setThreadsBatch(1).setBatchSize(512).setParallel(1).enableJinja();
        int gpuLayers = Integer.parseInt(args[2]);
        if (gpuLayers > 0) {
            parameters.setGpuLayers(gpuLayers);
        }
        try (LlamaModel ignored = new LlamaModel(parameters)) {
            System.out.flush();
        }
        System.exit(0);
    }

    /** llama.cpp's log of loading {@code model} on the CPU with a context of {@code context} tokens. */
    public static List<String> log(Path model, int context) throws IOException, InterruptedException {
        return log(NativeVariant.bundledCpu(), model, context, 0, NativeLibrary.defaultCacheRoot());
    }

    /** The same on {@code variant}'s build, with {@code gpuLayers} layers offloaded. */
    public static List<String> log(NativeVariant variant, Path model, int context, int gpuLayers, Path cache)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(variant.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LlamaLoad.class.getName(),
                model.toString(), Integer.toString(context), Integer.toString(gpuLayers), cache.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("llama.cpp could not load " + model + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
