package dev.ponder.bench;

import java.util.Locale;

/** A {@link BenchReport} as plain text: a heading, one row per mode and thread count, and the child's cost. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "ponder bench: %s, prompt \"%s\", %d tokens a run, median of %d runs "
                        + "after 1 warm-up (min-max)%n", report.model(), report.prompt(), report.tokens(),
                report.runs()));
        out.append(String.format(Locale.ROOT, "%d physical cores, default threads %d%n%n", report.physicalCores(),
                report.defaultThreads()));
        TextTable table = new TextTable("mode", "threads", "ready ms", "first token ms", "decode tok/s",
                "decode min-max", "engine tok/s", "tokens", "cancel ms", "child heap MB");
        for (ModeResult r : report.results()) {
            table.row(r.mode().label(), Integer.toString(r.threads()), number(r.readyMillis().median()),
                    number(r.firstTokenMillis().median()), number(r.tokensPerSecond().median()),
                    range(r.tokensPerSecond()), number(r.engineTokensPerSecond().median()),
                    Integer.toString(r.tokensPerRun()), number(r.cancelMillis().median()), heap(r.childHeap()));
        }
        out.append(table.render()).append('\n');
        for (ModeResult r : report.results()) {
            out.append(String.format(Locale.ROOT, "%s, %d %s: %s%s%n", r.mode().label(), r.threads(),
                    r.threads() == 1 ? "thread" : "threads", r.backend(),
                    r.gpuMemoryMb() > 0 ? ", " + number(r.gpuMemoryMb()) + " MB of GPU memory" : ""));
        }
        out.append('\n');
        if (report.results().stream().anyMatch(r -> !r.prompts().isEmpty())) {
            TextTable prompts = new TextTable("mode", "threads", "prompt tokens", "first token ms", "prompt tok/s",
                    "prompt min-max");
            for (ModeResult r : report.results()) {
                for (PromptResult p : r.prompts()) {
                    prompts.row(r.mode().label(), Integer.toString(r.threads()), Integer.toString(p.tokens()),
                            number(p.firstTokenMillis().median()), number(p.tokensPerSecond().median()),
                            range(p.tokensPerSecond()));
                }
            }
            out.append(prompts.render()).append('\n');
        }
        for (Comparison c : report.comparisons()) {
            out.append(String.format(Locale.ROOT, "%d %s: child decodes at %.1f%% of in-process (%s vs %s tok/s)%n",
                    c.threads(), c.threads() == 1 ? "thread" : "threads", c.childPercent(),
                    number(c.childTokensPerSecond()), number(c.inProcessTokensPerSecond())));
        }
        return out.toString();
    }

    /** Three significant figures or whole units, whichever is longer: 0.412, 12.3, 845, 3120. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 || magnitude == 0 ? "%.0f" : magnitude >= 10 ? "%.1f"
                : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String range(Stats stats) {
        return number(stats.min()) + "-" + number(stats.max());
    }

    static String heap(ChildHeap heap) {
        return heap == null ? "-" : number(heap.usedMb()) + " / " + number(heap.maxMb());
    }
}
