package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;



import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.settings.Theme;
import dev.ponder.testing.ScriptedEngine;

/**
 * Screenshots of the main window, light and dark, with a long Markdown answer (headings, a list, a table, code and
 * math) beside an open thinking pane, written to {@code target/screenshots/} to be looked at.
 */
class WindowScreenshotTest {

    private static final String THINKING = """
            The user asks how to compute a running mean. Welford's method avoids catastrophic cancellation: keep the \
            count, the mean and the sum of squared differences, and update all three per sample. I should show the \
            formula, a short implementation, and say why the naive two-pass sum fails for large values.""";

    private static final String ANSWER = """
            ## Welford's running mean

            Updating a mean one sample at a time avoids keeping every value. For the $n$-th sample $x_n$:

            $$\\bar{x}_n = \\bar{x}_{n-1} + \\frac{x_n - \\bar{x}_{n-1}}{n}$$

            Why it beats the textbook formula:

            1. **No large sums**: the naive $\\sum x_i$ loses precision when values are large.
            2. **One pass**: each sample is read once.
            3. **Variance for free**: keep $M_2$ as well.

            | method | passes | stable |
            |---|---|---|
            | naive sum | 2 | no |
            | Welford | 1 | yes |

            ```java
            double mean = 0;
            long n = 0;
            for (double x : samples) {
                n++;
                mean += (x - mean) / n;   // the update above
            }
            ```

            The variance is then $M_2 / (n - 1)$.""";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void theMainWindowWithThinkingBesideALongAnswer(Theme theme) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String word : THINKING.split("(?<= )")) {
            tokens.add(word);
        }
        tokens.add("</think>\n\n");
        for (String line : ANSWER.split("(?<=\n)")) {
            tokens.add(line);
        }
        ScriptedEngine engine = new ScriptedEngine("<｜Assistant｜><think>\n", tokens);
        try (WindowFixture fixture = WindowFixture.open(dir, engine, settings -> settings.withTheme(theme))) {
            WindowFixture.onFx(() -> {
                fixture.stage().setWidth(1280);
                fixture.stage().setHeight(860);
                return null;
            });
            fixture.send("How do I compute a running mean without losing precision?");
            long reply = fixture.awaitReply(Duration.ofSeconds(30));
            fixture.waitUntil(Duration.ofSeconds(10),
                    () -> fixture.window().transcript().answerText(reply).contains("variance is then"));
            WindowFixture.onFx(() -> {
                fixture.window().transcript().setThinkingCollapsed(reply, false);
                return null;
            });
            // KaTeX and highlight.js typeset, then WebView paints: give it a few frames.
            Thread.sleep(1500);

            Path file = fixture.screenshot("window-" + theme.name().toLowerCase());
            assertThat(Files.size(file)).isPositive();
            System.out.println("screenshot: " + file.toAbsolutePath());
        }
    }
}
