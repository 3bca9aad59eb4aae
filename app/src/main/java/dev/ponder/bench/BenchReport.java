package dev.ponder.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole benchmark: what was run, on what machine, and what each mode measured. Plain records, so the CLI can write
 * it as JSON as it stands.
 *
 * @param physicalCores  the cores the thread default is derived from
 * @param defaultThreads what a user gets without {@code --threads}
 * @param comparisons    child against in-process, for each thread count that ran both
 */
public record BenchReport(String model, String prompt, int tokens, int runs, int physicalCores, int defaultThreads,
                          List<ModeResult> results, List<Comparison> comparisons) {

    public BenchReport {
        results = List.copyOf(results);
        comparisons = List.copyOf(comparisons);
    }

    /** A report whose comparisons are derived from the results. */
    public static BenchReport of(BenchSettings settings, int physicalCores, int defaultThreads,
                                 List<ModeResult> results) {
        return new BenchReport(settings.model().getFileName().toString(), settings.prompt(), settings.tokens(),
                settings.runs(), physicalCores, defaultThreads, results, compare(results));
    }

    static List<Comparison> compare(List<ModeResult> results) {
        List<Comparison> comparisons = new ArrayList<>();
        for (ModeResult child : results) {
            if (child.mode() != Mode.CHILD) {
                continue;
            }
            results.stream()
                    .filter(r -> r.mode() == Mode.IN_PROCESS && r.threads() == child.threads())
                    .findFirst()
                    .ifPresent(in -> comparisons.add(Comparison.of(in, child)));
        }
        return comparisons;
    }
}
