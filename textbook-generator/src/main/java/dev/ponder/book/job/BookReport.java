package dev.ponder.book.job;

import java.util.List;
import java.util.Locale;

import dev.ponder.book.brief.BriefScore;
import dev.ponder.book.graph.GraphReport;

/** {@code book-report.md}: every check's result, and what each step cost. */
final class BookReport {

    private BookReport() {
    }

    static String markdown(BriefScore.Score brief, GraphReport graph, List<String> repairs, List<StepRecord> steps) {
        StringBuilder md = new StringBuilder("# Book report\n\n");
        md.append("## Course brief\n\nScore: **").append(brief.total()).append(" / 100**")
                .append(brief.goodEnough() ? "" : " (below " + BriefScore.GOOD_ENOUGH + ")").append("\n\n");
        brief.hints().forEach(hint -> md.append("- ").append(hint).append('\n'));
        md.append("\n").append(graph.markdown().replaceFirst("^# ", "## ")).append("\n\n");
        md.append("## Repairs to the model's graph\n\n");
        if (repairs.isEmpty()) {
            md.append("None.\n");
        }
        repairs.forEach(repair -> md.append("- ").append(repair).append('\n'));
        md.append("\n## Steps\n\n| step | attempts | tokens | seconds |\n|---|---|---|---|\n");
        for (StepRecord step : steps) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f |%n", step.name(), step.attempts(),
                    step.tokens(), step.millis() / 1000.0));
        }
        return md.toString();
    }
}
