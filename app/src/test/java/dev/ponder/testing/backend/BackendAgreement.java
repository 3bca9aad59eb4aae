package dev.ponder.testing.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether two backends computed the same next-token distributions along a teacher-forced text, within what
 * floating-point differences between backends explain.
 *
 * <p>The check, for the reference's most likely token at each position: its probability differs by at most
 * {@value #MAX_DIFFERENCE} at any position and by {@value #MEAN_DIFFERENCE} on average, and the other backend ranks it
 * first too, except at near ties (the reference's top two closer than {@value #NEAR_TIE}). The tolerances come from
 * measurements on stories260K along this test's 39-token text, not from theory:
 * <ul>
 *   <li>two CPU builds (portable x86-64-v3 and {@code -march=native}): largest difference 0.0005;</li>
 *   <li>CUDA (H200) against the CPU build: largest 0.0008;</li>
 *   <li>Vulkan on Mesa's lavapipe against the CPU build: mean 0.0125, largest 0.119, and the top two of one position
 *       swapped (' ' 0.410 ahead of ' with' 0.359 on the CPU, ' with' 0.384 ahead of ' ' 0.376 on lavapipe: a lead
 *       of 0.05 moved by 0.06). The differences are the same with an F32 KV cache and with lavapipe's F16
 *       arithmetic off ({@code GGML_VK_DISABLE_F16}), so they are not F16 rounding; they grow along the text, as
 *       errors in RoPE's angles would, and lavapipe computes sin, cos and exp with its own approximations;</li>
 *   <li>a deliberate fault, the CPU build with RoPE's frequency base at 2,500 instead of 10,000: mean 0.053, largest
 *       0.33: rejected on both counts.</li>
 * </ul>
 * So the tolerances leave lavapipe about twice its measured drift (a lead under 0.1 may swap) and still reject a RoPE
 * fault a quarter off; a kernel that is plainly wrong (a lost bias, a misaligned KV cache) moves probabilities by
 * tenths at most positions.
 *
 * <p>{@code main} compares two probe outputs (JSON from {@link TeacherForcedProbe}) and prints the table: how a run on
 * another machine (the CUDA build on the device) is checked against this machine's CPU build.
 */
public final class BackendAgreement {

    public static final double MAX_DIFFERENCE = 0.2;
    public static final double MEAN_DIFFERENCE = 0.025;
    public static final double NEAR_TIE = 0.1;

    private BackendAgreement() {
    }

    /** Disagreements, one line each; empty when the backends agree. */
    public static List<String> disagreements(List<Position> reference, List<Position> other) {
        List<String> problems = new ArrayList<>();
        if (reference.size() != other.size()) {
            problems.add("the forced texts took " + reference.size() + " and " + other.size() + " tokens");
        }
        int positions = Math.min(reference.size(), other.size());
        for (int i = 0; i < positions; i++) {
            Position want = reference.get(i);
            Position got = other.get(i);
            if (!want.forced().equals(got.forced())) {
                problems.add(String.format(Locale.ROOT, "position %d: forced token '%s' vs '%s'", i, want.forced(),
                        got.forced()));
                return problems; // later positions have other contexts
            }
            if (!want.topToken().equals(got.topToken()) && want.margin() >= NEAR_TIE) {
                problems.add(String.format(Locale.ROOT, "position %d ('%s'): top token '%s' (%.4f) vs '%s' (%.4f)",
                        i, want.forced(), want.topToken(), want.topProbability(), got.topToken(),
                        got.topProbability()));
            }
            double difference = difference(want, got);
            if (difference > MAX_DIFFERENCE) {
                problems.add(String.format(Locale.ROOT, "position %d ('%s'): p('%s') differs by %.4f", i,
                        want.forced(), want.topToken(), difference));
            }
        }
        double mean = meanDifference(reference, other);
        if (mean > MEAN_DIFFERENCE) {
            problems.add(String.format(Locale.ROOT, "the top tokens' probabilities differ by %.4f on average", mean));
        }
        return problems;
    }

    /** How far {@code got} moved the reference's top token's probability; 1 when it fell out of its top list. */
    static double difference(Position want, Position got) {
        Double probability = got.top().get(want.topToken());
        return probability == null ? 1 : Math.abs(probability - want.topProbability());
    }

    public static double largestDifference(List<Position> reference, List<Position> other) {
        double largest = 0;
        for (int i = 0; i < Math.min(reference.size(), other.size()); i++) {
            largest = Math.max(largest, difference(reference.get(i), other.get(i)));
        }
        return largest;
    }

    public static double meanDifference(List<Position> reference, List<Position> other) {
        int positions = Math.min(reference.size(), other.size());
        double sum = 0;
        for (int i = 0; i < positions; i++) {
            sum += difference(reference.get(i), other.get(i));
        }
        return positions == 0 ? 0 : sum / positions;
    }

    /** A table of both runs, position by position. */
    public static String table(List<Position> reference, List<Position> other) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%4s  %-12s %-12s %9s  %-12s %9s  %9s%n",
                "pos", "forced", "top (ref)", "p (ref)", "top (other)", "p (other)", "|diff|"));
        for (int i = 0; i < Math.min(reference.size(), other.size()); i++) {
            Position a = reference.get(i);
            Position b = other.get(i);
            out.append(String.format(Locale.ROOT, "%4d  %-12s %-12s %9.5f  %-12s %9.5f  %9.6f%n", i,
                    quoted(a.forced()), quoted(a.topToken()), a.topProbability(), quoted(b.topToken()),
                    b.topProbability(), difference(a, b)));
        }
        return out.toString();
    }

    private static String quoted(String token) {
        return "'" + token.replace("\n", "\\n") + "'";
    }

    public static List<Position> read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<List<Position>>() { });
    }

    /** Arguments: the reference probe output, the other probe output. Exit code 1 when they disagree. */
    public static void main(String[] args) throws IOException {
        List<Position> reference = read(Path.of(args[0]));
        List<Position> other = read(Path.of(args[1]));
        System.out.print(table(reference, other));
        List<String> problems = disagreements(reference, other);
        System.out.printf(Locale.ROOT, "%d positions, mean difference %.6f (at most %s), largest %.6f (at most %s): "
                + "%s%n", reference.size(), meanDifference(reference, other), MEAN_DIFFERENCE,
                largestDifference(reference, other), MAX_DIFFERENCE, problems.isEmpty() ? "the backends agree"
                : "DISAGREE");
        problems.forEach(problem -> System.out.println("  " + problem));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
