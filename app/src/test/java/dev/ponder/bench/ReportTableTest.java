package dev.ponder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.engine.Acceleration;

class ReportTableTest {

    @Test
    void columnsAreAlignedLabelsLeftNumbersRightWithoutTrailingSpaces() {
        String text = new TextTable("mode", "tok/s")
                .row("in-process", "3249")
                .row("child", "12")
                .render();
        assertThat(text).isEqualTo("""
                mode        tok/s
                in-process   3249
                child          12
                """);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersKeepAboutThreeSignificantFigures() {
        assertThat(ReportTable.number(3249.4)).isEqualTo("3249");
        assertThat(ReportTable.number(452.6)).isEqualTo("453");
        assertThat(ReportTable.number(15.84)).isEqualTo("15.8");
        assertThat(ReportTable.number(2.418)).isEqualTo("2.42");
        assertThat(ReportTable.number(0.1444)).isEqualTo("0.144");
        assertThat(ReportTable.number(0)).isEqualTo("0");
    }

    @Test
    void theChildIsComparedWithInProcessAtTheSameThreadCount() {
        BenchReport report = BenchReport.of(settings(), 2, 1, List.of(
                result(Mode.IN_PROCESS, 1, 3000, null),
                result(Mode.CHILD, 1, 2940, ChildHeap.ofBytes(5L << 20, 16L << 20, 256L << 20)),
                result(Mode.IN_PROCESS, 2, 1000, null),
                result(Mode.CHILD, 3, 500, ChildHeap.ofBytes(5L << 20, 16L << 20, 256L << 20))));

        assertThat(report.comparisons()).containsExactly(new Comparison(1, 3000, 2940, 98.0));
        String table = ReportTable.render(report);
        assertThat(table)
                .contains("stories260K.gguf", "512 tokens a run", "median of 5 runs", "2 physical cores")
                .contains("1 thread: child decodes at 98.0% of in-process (2940 vs 3000 tok/s)")
                .doesNotContain("2 threads: child");
        List<String> lines = table.lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("mode")).findFirst().orElseThrow();
        String childRow = lines.stream().filter(l -> l.startsWith("child ")).findFirst().orElseThrow();
        assertThat(childRow).hasSameSizeAs(header).endsWith("5.00 / 256");
        assertThat(lines.stream().filter(l -> l.startsWith("in-process")).findFirst().orElseThrow()).endsWith(" -");
    }

    private static BenchSettings settings() {
        return new BenchSettings(Path.of("/models/stories260K.gguf"), BenchSettings.DEFAULT_PROMPT,
                BenchSettings.DEFAULT_TOKENS, BenchSettings.DEFAULT_RUNS, List.of(1, 2),
                List.of(Mode.IN_PROCESS, Mode.CHILD), Acceleration.cpu(), List.of(512));
    }

    private static ModeResult result(Mode mode, int threads, double tokensPerSecond, ChildHeap heap) {
        Stats rate = Stats.of(tokensPerSecond);
        return new ModeResult(mode, threads, Stats.of(450), Stats.of(2.5), rate, rate, 512, Stats.of(1.1), heap,
                "CPU", 0, List.of(new PromptResult(512, Stats.of(200), Stats.of(2560))));
    }
}
