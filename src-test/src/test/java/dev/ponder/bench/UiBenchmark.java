package dev.ponder.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.GenerationStats;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import dev.ponder.settings.Settings;
import dev.ponder.settings.SettingsStore;
import dev.ponder.store.Database;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.ui.Main;
import dev.ponder.window.WindowFixture;

/**
 * The chat window's figures, printed as a table; nothing is asserted. Opt-in, since it takes a minute and the
 * launch measurements need a display:
 * <pre>
 * xvfb-run -a ./mvnw -B -pl src-test -am test -Dtest=UiBenchmark -Dponder.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dponder.test.jvm="--enable-native-access=ALL-UNNAMED \
 *     $(grep -v '^#' ui/jvm.options | tr '\n' ' ')"
 * </pre>
 * The last option gives the test JVM the window's own options: without it, the streaming figures are those of a
 * JVM with another collector and compiler.
 * The table is in {@code src-test/target/surefire-reports/dev.ponder.bench.UiBenchmark-output.txt}. The streaming
 * figures come from the test JVM (headless Monocle, software rendering), the JVM's own collector pauses and the FX
 * thread's work during stalls listed apart; the launch figures from a separate window process started with
 * {@code ui/jvm.options}, plus {@code -Dponder.bench.uiFlags="…"} to try other options.
 */
@EnabledIfSystemProperty(named = "ponder.bench", matches = "true")
class UiBenchmark {

    private static final int STREAM_TOKENS = 15_000;
    private static final Duration STREAM_TIME = Duration.ofSeconds(30);
    private static final int CONVERSATION_MESSAGES = 200;
    private static final Duration FINAL_RENDERING = Duration.ofSeconds(2);
    private static final Duration TYPING = Duration.ofSeconds(2);
    /**
     * A real engine reads the prompt before its first token: 42 ms for 1,000 tokens of a 1.5B model on an H200 (issue
     * 6), longer on a user's machine. The window shows the sent message meanwhile.
     */
    private static final Duration PROMPT_TIME = Duration.ofMillis(250);

    @TempDir
    Path dir;

    @Test
    void chatWindowFigures() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.addAll(streamingStalls());
        rows.addAll(launchAndMemory());
        System.out.println();
        System.out.println("Ponder UI benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + ", JavaFX " + System.getProperty("javafx.runtime.version") + ")");
        System.out.printf("%-62s %14s%n", "figure", "measured");
        rows.forEach(System.out::println);
    }

    /**
     * A scripted reply of 15,000 tokens in 30 s (500 tokens/s): 5,000 of thinking, then Markdown with code and
     * math, watched by an {@link FxStallMonitor}. The first reply runs in a fresh JVM, as a user's first reply after
     * starting Ponder does; the second, in the same conversation, shows what remains once the code is compiled.
     */
    private List<String> streamingStalls() throws Exception {
        ScriptedEngine engine = new ScriptedEngine("<think>\n", scriptedReply())
                .withPromptTime(PROMPT_TIME).withTokenDelay(STREAM_TIME.dividedBy(STREAM_TOKENS));
        List<String> rows = new ArrayList<>();
        try (WindowFixture window = WindowFixture.open(dir.resolve("stream"), engine)) {
            // A user takes a moment to type the first message: the window finishes starting meanwhile.
            Thread.sleep(TYPING.toMillis());
            rows.addAll(stream(window, "1st reply:"));
            rows.addAll(stream(window, "2nd reply:"));
        }
        return rows;
    }

    private static List<String> stream(WindowFixture window, String label) throws Exception {
        FxStallMonitor monitor = FxStallMonitor.start();
        long started = System.nanoTime();
        window.send("Stream for thirty seconds");
        window.awaitTurnEnd(STREAM_TIME.plusSeconds(60));
        long finished = System.nanoTime();
        double firstToken = monitor.secondsSinceStart(started + PROMPT_TIME.toNanos());
        // The final rendering replaces the streamed one just after the turn ends: it is watched too.
        Thread.sleep(FINAL_RENDERING.toMillis());
        monitor.stop();
        // Only now, as reading a long answer off the page takes the FX thread a while: the final text must be there.
        window.awaitReply(Duration.ofSeconds(10));
        double seconds = (finished - started - PROMPT_TIME.toNanos()) / 1e9;
        List<String> rows = new ArrayList<>(List.of(row(label + " tokens, seconds, tokens/s",
                String.format(Locale.ROOT, "%d / %.1f s / %.0f", STREAM_TOKENS, seconds, STREAM_TOKENS / seconds))));
        rows.addAll(monitor.streamingRows(label, firstToken, monitor.secondsSinceStart(finished)));
        rows.addAll(monitor.rows(label + " all,"));
        return rows;
    }

    private static List<String> scriptedReply() {
        List<String> tokens = new ArrayList<>();
        // R1 thinks in paragraphs of a few sentences: a blank line every 60 tokens or so.
        for (int i = 0; tokens.size() < STREAM_TOKENS / 3; i++) {
            tokens.add(i % 60 == 59 ? "considering.\n\n" : i % 12 == 11 ? "considering. " : "step" + i + " ");
        }
        tokens.add("</think>");
        String[] answer = ("## Part\n\nSome **bold** text and `code` with math $a_i^2 + b_i^2$ here.\n\n"
                + "```java\nint x = 42; // comment\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$$\\sum_i x_i$$\n\n")
                .split("(?<=[ \\n])");
        for (int i = 0; tokens.size() < STREAM_TOKENS; i++) {
            tokens.add(answer[i % answer.length]);
        }
        return tokens;
    }

    /** A fresh JVM opens the window, with a 200-message conversation that it reopens at start. */
    private List<String> launchAndMemory() throws Exception {
        if (System.getenv("DISPLAY") == null) {
            Assumptions.abort("the launch figures need a display: run under xvfb-run");
        }
        Path data = dir.resolve("launch-data");
        Path config = dir.resolve("launch-config");
        long conversation = seedConversation(data);
        SettingsStore store = new SettingsStore(config);
        Settings settings = store.load();
        store.save(settings.withWindowState(settings.windowState().withLastConversationId(conversation)));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED"));
        // The options ./ponder starts the window with.
        Files.readAllLines(Path.of(System.getProperty("ponder.root"), "ui", "jvm.options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(command::add);
        // Flags to try before they go into ui/jvm.options: -Dponder.bench.uiFlags="-Da=b -Xc".
        String tried = System.getProperty("ponder.bench.uiFlags", "");
        if (!tried.isBlank()) {
            command.addAll(List.of(tried.strip().split("\\s+")));
        }
        command.addAll(List.of("-Dponder.config.dir=" + config,
                "-Dorg.slf4j.simpleLogger.log.dev.ponder.ui.PonderApp=info",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString()));
        long launched = System.nanoTime();
        Process ui = new ProcessBuilder(command).redirectErrorStream(true).start();
        Pattern visible = Pattern.compile("window visible (\\d+) ms after the JVM started");
        long visibleMillis = -1;
        long seenAt = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ui.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher matcher = visible.matcher(line);
                if (matcher.find()) {
                    visibleMillis = Long.parseLong(matcher.group(1));
                    seenAt = System.nanoTime();
                    break;
                }
            }
            // The conversation opens and renders behind the visible window: let it settle, then read the memory.
            Thread.sleep(8000);
            long rssKb = rssKb(ui.pid());
            return List.of(
                    row("window visible after JVM start, ms (no model)", Long.toString(visibleMillis)),
                    row("window visible after process launch, ms", Long.toString((seenAt - launched) / 1_000_000)),
                    row("UI process RSS with " + CONVERSATION_MESSAGES + "-message conversation open, MB",
                            String.format(Locale.ROOT, "%.0f", rssKb / 1024.0)));
        } finally {
            ui.destroy();
            ui.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long seedConversation(Path data) {
        try (Database db = Database.open(data)) {
            ChatRepository repository = new ChatRepository(db);
            long id = repository.createConversation("A long conversation", "seed.gguf").id();
            for (int i = 0; i < CONVERSATION_MESSAGES / 2; i++) {
                repository.addUserMessage(id, "Question " + i + ": how does step " + i + " work?");
                Message reply = repository.startAssistantMessage(id, "seed.gguf", null);
                repository.finishAssistantMessage(reply.id(), "### Step " + i + "\n\nIt works like **this**, with "
                        + "$x_" + i + "^2$ and code:\n\n```python\ndef step_" + i + "(x):\n    return x * " + i
                        + "\n```\n\n- one\n- two\n", "Thinking about step " + i + " for a while. ".repeat(20), 4200L,
                        true, MessageStatus.COMPLETE, null, GenerationStats.NONE);
            }
            return id;
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static String row(String figure, String value) {
        return String.format(Locale.ROOT, "%-62s %14s", figure, value);
    }
}
