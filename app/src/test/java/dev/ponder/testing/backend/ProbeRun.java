package dev.ponder.testing.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ponder.engine.llama.NativeVariant;

/** Runs {@link TeacherForcedProbe} in a JVM of its own for one llama.cpp build: one JVM loads one build. */
public final class ProbeRun {

    /** stories260K's favourite opening and the story it tells from there. */
    public static final String PROMPT = "Once upon a time,";
    public static final String TEXT = " there was a little girl named Lily. She loved to play outside in the park. One day,"
            + " she saw a big red ball.";

    private ProbeRun() {
    }

    /** @param ropeBase a RoPE frequency base forced on the model (a deliberate fault), or 0 for the model's own */
    public static List<Position> run(NativeVariant variant, Path model, Path work, float ropeBase)
            throws IOException, InterruptedException {
        Path output = work.resolve(variant.backend().label() + "-" + ropeBase + ".json");
        Path log = work.resolve(variant.backend().label() + "-" + ropeBase + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(variant.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TeacherForcedProbe.class.getName(),
                model.toString(), PROMPT, TEXT, output.toString(), work.resolve("cache").toString(),
                Float.toString(ropeBase)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the probe did not finish within 5 minutes; its log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the probe failed (exit " + process.exitValue() + "): "
                    + String.join("\n", Files.readAllLines(log).reversed().stream().limit(20).toList().reversed()));
        }
        return BackendAgreement.read(output);
    }
}
