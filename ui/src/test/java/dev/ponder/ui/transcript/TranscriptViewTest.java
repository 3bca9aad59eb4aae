package dev.ponder.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TranscriptViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String ANSWER = """
            ## Integrating $x^2$

            By the power rule, $\\int x^n\\,dx = \\frac{x^{n+1}}{n+1} + C$ for $n \\neq -1$, so

            $$
            \\int_0^1 x^2\\,dx = \\left[\\frac{x^3}{3}\\right]_0^1 = \\frac{1}{3}
            $$

            | step | result |
            |------|--------|
            | antiderivative | $x^3/3$ |
            | evaluate at 1 − 0 | **1/3** |

            Check it numerically:

            ```python
            from scipy.integrate import quad
            value, error = quad(lambda x: x**2, 0, 1)
            print(f"{value:.4f}")  # 0.3333
            ```

            <script>window.pwned = true</script><img src="x" onerror="window.pwned = true">
            """;

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final List<String> copied = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private TranscriptView view;

    @Start
    void start(Stage stage) {
        view = new TranscriptView();
        view.setOnCopyText(copied::add);
        view.setOnAction((kind, id) -> actions.add(kind + " " + id));
        stage.setScene(new Scene(view, 1180, 1000));
        stage.show();
    }

    @BeforeEach
    void waitForThePage() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, view::loaded);
    }

    @Test
    void showsAStreamedTurnWithThinkingBesideATypesetAnswer() throws Exception {
        fx(() -> {
            view.addUser(1, "What is ∫₀¹ x² dx?\nShow the steps.", 1, 3);
            view.addAssistant(2, 0, 1);
            view.appendThinking(2, "\n\nThe user wants the integral ");
            view.appendThinking(2, "of x squared from 0 to 1. ");
            view.appendThinking(2, "<b>Power rule</b> gives x³/3.");
            view.setThinkingLabel(2, "Thinking… 3 s · 42 tokens");
            view.setThinkingLabel(2, "Thought for 3 s");
            view.setAnswer(2, renderer.renderBlocks(ANSWER));
            return null;
        });

        assertThat(fx(() -> view.messageCount())).isEqualTo(2);
        assertThat(fx(() -> view.thinkingText(2)))
                .isEqualTo("The user wants the integral of x squared from 0 to 1. <b>Power rule</b> gives x³/3.");
        assertThat(fx(() -> view.thinkingLabel(2))).isEqualTo("Thought for 3 s");
        assertThat(fx(() -> view.answerText(2))).contains("Integrating", "Check it numerically", "quad(lambda x");
        assertThat(script("document.querySelectorAll('[data-id=\"2\"] .answer .katex').length")).isNotEqualTo(0);
        assertThat(script("document.querySelectorAll('[data-id=\"2\"] .answer .katex-display').length")).isEqualTo(1);
        assertThat(script("document.querySelectorAll('[data-id=\"2\"] .answer code.hljs .hljs-keyword').length"))
                .isNotEqualTo(0);
        assertThat(script("typeof window.pwned")).isEqualTo("undefined");
        assertThat(script("document.querySelectorAll('.answer script, .answer img').length")).isEqualTo(0);
        assertThat(script("document.querySelector('[data-id=\"1\"] .branch-position').textContent"))
                .isEqualTo("2 / 3");

        fx(() -> {
            view.setThinkingCollapsed(2, true);
            return null;
        });
        assertThat(fx(() -> view.isThinkingCollapsed(2))).isTrue();

        script("document.querySelector('[data-id=\"2\"] .thinking-header').click()");
        assertThat(fx(() -> view.isThinkingCollapsed(2))).isFalse();
    }

    @Test
    void keepsTheUnchangedBlocksOfAGrowingAnswer() throws Exception {
        fx(() -> {
            view.addAssistant(9, 0, 1);
            view.setAnswer(9, renderer.renderBlocks("First paragraph.\n\nSecond"));
            return null;
        });
        script("document.querySelector('[data-id=\"9\"] .answer p').marked = true");

        fx(() -> {
            view.setAnswer(9, renderer.renderBlocks("First paragraph.\n\nSecond, longer.\n\n$$x$$"));
            return null;
        });

        assertThat(script("document.querySelector('[data-id=\"9\"] .answer p').marked")).isEqualTo(true);
        assertThat(fx(() -> view.answerText(9))).contains("First paragraph.", "Second, longer.");
        assertThat(script("document.querySelectorAll('[data-id=\"9\"] .answer p').length")).isEqualTo(2);
    }

    @Test
    void reportsButtonsAndCodeCopiesThroughTheBridge() throws Exception {
        fx(() -> {
            view.addUser(7, "hello", 0, 2);
            view.addAssistant(8, 0, 1);
            view.setAnswer(8, renderer.renderBlocks("```java\nint x = 1;\n```"));
            return null;
        });

        script("document.querySelector('.copy-code').click()");
        script("document.querySelector('[data-id=\"7\"] .edit').click()");
        script("document.querySelector('[data-id=\"7\"] .next').click()");
        script("document.querySelector('[data-id=\"8\"] .regenerate').click()");
        script("document.querySelector('[data-id=\"8\"] .copy').click()");

        assertThat(copied).containsExactly("int x = 1;\n");
        assertThat(actions).containsExactly("EDIT 7", "BRANCH_NEXT 7", "REGENERATE 8", "COPY 8");
        assertThat(script("document.querySelector('[data-id=\"7\"] .previous').disabled")).isEqualTo(true);
    }

    @Test
    void draggingTheGutterResizesEveryTurnAndTellsJava() throws Exception {
        fx(() -> {
            view.thinkingWidthProperty().set(300);
            view.addAssistant(3, 0, 1);
            view.appendThinking(3, "hmm");
            return null;
        });

        script("""
                const gutter = document.querySelector('[data-id="3"] .gutter');
                gutter.dispatchEvent(new MouseEvent('mousedown', {clientX: 400, bubbles: true}));
                document.dispatchEvent(new MouseEvent('mousemove', {clientX: 460, bubbles: true}));
                document.dispatchEvent(new MouseEvent('mouseup', {clientX: 460, bubbles: true}));
                """);

        assertThat(fx(() -> view.thinkingWidthProperty().get())).isEqualTo(360);
        assertThat(script("document.documentElement.style.getPropertyValue('--thinking-width')")).isEqualTo("360px");
    }

    @Test
    void refusesToFetchImagesEvenIfOneSlipsIntoThePage() throws Exception {
        script("""
                window.violations = [];
                document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective));
                const img = document.createElement('img');
                img.src = 'https://example.invalid/tracker.png';
                document.body.append(img);
                """);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(1).equals(script("window.violations.length")));
        assertThat(script("window.violations[0]")).isEqualTo("img-src");
    }

    @Test
    void aMessageShownAnewGetsItsWholeAnswer() throws Exception {
        fx(() -> {
            view.addUser(1, "a", 0, 1);
            view.addAssistant(2, 0, 1);
            view.setAnswer(2, renderer.renderBlocks("First paragraph.\n\nSecond"));
            view.removeFrom(2);
            view.addAssistant(2, 1, 2);
            view.setAnswer(2, renderer.renderBlocks("First paragraph.\n\nSecond, longer."));
            return null;
        });

        assertThat(fx(() -> view.answerText(2))).contains("First paragraph.", "Second, longer.");
    }

    @Test
    void parksChunksOfTypesetBlocksFarOffScreenWithoutLosingTheirText() throws Exception {
        fx(() -> {
            view.addAssistant(3, 0, 1);
            view.setAnswer(3, renderer.renderBlocks("Step $x_i^2$ is worked out here.\n\n".repeat(300)));
            return null;
        });
        // The page follows the answer down: the first block is far above, the last in view. Parked and unrendered
        // are read in one script: the page re-parks its blocks after typesetting, briefly showing them.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(script(
                "(() => { const first = document.querySelector('[data-id=\"3\"] .answer > :first-child');"
                        + " return first.classList.contains('parked')"
                        + " && getComputedStyle(first.firstElementChild).display === 'none'; })()")));
        assertThat(script("document.querySelector('[data-id=\"3\"] .answer > :first-child').offsetHeight"))
                .isNotEqualTo(0);
        assertThat(script("document.querySelector('[data-id=\"3\"] .answer > :last-child').classList"
                + ".contains('parked')")).isEqualTo(false);
        // Every block's text is still on the page.
        assertThat(fx(() -> view.answerText(3)).split("worked out", -1)).hasSize(301);

        // What a selection covers is shown, so that copying it takes the math as well.
        script("getSelection().selectAllChildren(document.querySelector('[data-id=\"3\"] .answer'))");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(0).equals(
                script("document.querySelectorAll('[data-id=\"3\"] .answer > .parked').length")));
    }

    @Test
    void removesAMessageAndEverythingAfterIt() throws Exception {
        fx(() -> {
            view.addUser(1, "a", 0, 1);
            view.addAssistant(2, 0, 1);
            view.addUser(3, "b", 0, 1);
            view.addAssistant(4, 0, 1);
            view.removeFrom(3);
            return null;
        });
        assertThat(fx(() -> view.messageCount())).isEqualTo(2);

        fx(() -> {
            view.clear();
            return null;
        });
        assertThat(fx(() -> view.messageCount())).isZero();
    }

    @Test
    void replaysCallsMadeBeforeThePageLoaded() throws Exception {
        TranscriptView fresh = fx(() -> {
            TranscriptView early = new TranscriptView();
            early.setDark(true);
            early.addUser(5, "early", 0, 1);
            return early;
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, fresh::loaded);

        assertThat(fx(fresh::messageCount)).isEqualTo(1);
        assertThat(fx(() -> fresh.executeScript("document.documentElement.classList.contains('dark')"))).isEqualTo(true);
    }

    @Test
    void savesLightAndDarkScreenshots() throws Exception {
        fx(() -> {
            view.addUser(1, "What is ∫₀¹ x² dx? Show the steps.", 1, 3);
            view.addAssistant(2, 0, 1);
            view.appendThinking(2, """
                    The user wants the definite integral of x² from 0 to 1.

                    The antiderivative of x^n is x^(n+1)/(n+1), so here it is x³/3. Evaluating \
                    from 0 to 1 gives 1/3 − 0 = 1/3.

                    I should show the power rule, the evaluation, and maybe a quick numerical check \
                    with scipy so they can verify it themselves.""");
            view.setThinkingLabel(2, "Thought for 12 s");
            view.setAnswer(2, renderer.renderBlocks(ANSWER));
            view.addUser(3, "Thanks! And from 0 to 2?", 0, 1);
            view.addAssistant(4, 0, 1);
            view.appendThinking(4, "Same antiderivative, evaluate at 2: 8/3.");
            view.setThinkingLabel(4, "Thought for 2 s");
            view.setThinkingCollapsed(4, true);
            view.setAnswer(4, renderer.renderBlocks("It is $\\frac{8}{3} \\approx 2.667$."));
            view.setStatus(4, "Stopped — partial answer kept", false);
            return null;
        });
        // KaTeX's fonts arrive asynchronously; give them a moment before the picture.
        Thread.sleep(1500);
        snapshot("transcript-light.png");

        fx(() -> {
            view.setDark(true);
            return null;
        });
        Thread.sleep(500);
        snapshot("transcript-dark.png");

        assertThat(SCREENSHOTS.resolve("transcript-light.png")).exists();
        assertThat(SCREENSHOTS.resolve("transcript-dark.png")).exists();
    }

    private void snapshot(String name) throws Exception {
        WritableImage image = fx(() -> view.snapshot(null, null));
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(picture, "png", SCREENSHOTS.resolve(name).toFile());
    }

    private Object script(String script) throws Exception {
        return fx(() -> view.executeScript(script));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }
}
