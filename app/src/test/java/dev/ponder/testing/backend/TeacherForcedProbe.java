package dev.ponder.testing.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.llama.NativeVariant;

/**
 * Reads, at every position of a fixed text, the model's most likely next tokens and their probabilities, with the
 * text itself forced in (teacher forcing): so two backends are compared on the same contexts however their own greedy
 * choices would drift. Runs in a JVM of its own, because a JVM loads one llama.cpp build (the one named by
 * {@link NativeVariant#fromSystemProperties()}); writes JSON to a file, since llama.cpp prints to stdout.
 *
 * <p>The text is forced with a grammar that allows only it; the probabilities are llama.cpp's raw ones (softmax of
 * the logits, before sampling and grammar), which needs Ponder's build of java-llama.cpp (see
 * {@code native/cmake/SourceFixes.cmake}).
 *
 * <p>Arguments: model, prompt, forced text, output file, cache folder, and optionally a RoPE frequency base that
 * overrides the model's: a deliberate fault, to show that the comparison notices one.
 */
public final class TeacherForcedProbe {

    /** The most likely tokens kept at each position. */
    public static final int TOP = 5;

    private TeacherForcedProbe() {
    }

    public static void main(String[] args) throws IOException {
        int status = 0;
        try {
            float ropeBase = args.length > 5 ? Float.parseFloat(args[5]) : 0;
            List<Position> positions = run(Path.of(args[0]), args[1], args[2], Path.of(args[4]), ropeBase);
            new ObjectMapper().writeValue(Path.of(args[3]).toFile(), positions);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            status = 1;
        }
        // The binding leaves a non-daemon native thread behind.
        Runtime.getRuntime().halt(status);
    }

    static List<Position> run(Path model, String prompt, String forced, Path cache, float ropeBase)
            throws IOException {
        NativeVariant variant = NativeVariant.fromSystemProperties();
        NativeLibrary.prepare(cache, variant);
        ModelParameters parameters = new ModelParameters().setModel(model.toString()).setCtxSize(512).setThreads(1)
                .setSeed(42);
        if (variant.backend().gpu()) {
            parameters.setGpuLayers(999);
        }
        if (ropeBase > 0) {
            parameters.setRopeFreqBase(ropeBase);
        }
        List<Position> positions = new ArrayList<>();
        try (LlamaModel llama = new LlamaModel(parameters)) {
            InferenceParameters inference = new InferenceParameters(prompt).setTemperature(0).setNProbs(TOP)
                    .setNPredict(4 * forced.length()).setGrammar("root ::= " + gbnfString(forced));
            LlamaIterator iterator = (LlamaIterator) llama.generate(inference).iterator();
            while (iterator.hasNext()) {
                LlamaOutput output = iterator.next();
                if (!iterator.hasNext()) {
                    break; // the end of the stream, which carries no token
                }
                Map<String, Double> top = new LinkedHashMap<>();
                output.probabilities.forEach((token, p) -> top.put(token, p.doubleValue()));
                positions.add(new Position(positions.size(), output.text, top));
            }
        }
        return positions;
    }

    /** A GBNF string literal matching {@code text} exactly. */
    static String gbnfString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
