package dev.ponder.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.testing.SharedModel;

/** The {@code ponder} commands as a user runs them, each in its own JVM, on real files. */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneTurnOfChatPrintsTheAnswerAndAStatsLineAndIsKept() throws Exception {
        Path model = SharedModel.stories260K();
        var chat = PonderProcess.run(dir, "", "chat", "--model", model.toString(), "--prompt", "Tell me a story",
                "--max-tokens", "40", "--seed", "7", "--threads", "1", "--data-dir", dir.toString());

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("40 tokens").contains("tok/s").contains("conversation 1, message 2");
        assertThat(chat.out()).doesNotContain("\u001b[").as("no colours when the output is not a terminal");

        var show = PonderProcess.run(dir, "", "show", "1", "--json", "--data-dir", dir.toString());
        JsonNode messages = JSON.readTree(show.out()).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(chat.out()).contains(messages.get(1).get("answer").asText().strip());

        var history = PonderProcess.run(dir, "", "history", "--data-dir", dir.toString());
        assertThat(history.out()).contains("Tell me a story");
        var search = PonderProcess.run(dir, "", "search", "story", "--json", "--data-dir", dir.toString());
        assertThat(JSON.readTree(search.out()).get(0).get("conversationId").asLong()).isEqualTo(1);
    }

    @Test
    void anInteractiveSessionKeepsOneConversationUntilEndOfInput() throws Exception {
        Path model = SharedModel.stories260K();
        var chat = PonderProcess.run(dir, "Hello\nTell me more\n", "chat", "--model", model.toString(),
                "--max-tokens", "10", "--threads", "1", "--data-dir", dir.toString());

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        var show = PonderProcess.run(dir, "", "show", "1", "--json", "--data-dir", dir.toString());
        assertThat(JSON.readTree(show.out()).get("messages")).as(show.out() + show.err()).hasSize(4);
    }

    @Test
    void corruptModelFilesAreRefusedWithTheFileNamedAndExitCodeTwo() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.gguf"));
        Path html = Files.writeString(dir.resolve("page.gguf"), "<!DOCTYPE html><html>Not found</html>");

        for (Path bad : new Path[] {empty, html}) {
            var inspect = PonderProcess.run(dir, "", "inspect", bad.toString());
            assertThat(inspect.exitCode()).isEqualTo(2);
            assertThat(inspect.err()).contains(bad.getFileName().toString());

            var chat = PonderProcess.run(dir, "", "chat", "--model", bad.toString(), "--prompt", "hi",
                    "--data-dir", dir.toString());
            assertThat(chat.exitCode()).isEqualTo(2);
            assertThat(chat.err()).contains(bad.getFileName().toString()).doesNotContain("Exception");
        }
    }

    @Test
    void inspectPrintsTheHeaderFactsAsJson() throws Exception {
        var inspect = PonderProcess.run(dir, "", "inspect", SharedModel.stories260K().toString(), "--json");
        JsonNode info = JSON.readTree(inspect.out());
        assertThat(info.get("architecture").asText()).isEqualTo("llama");
        assertThat(info.get("blockCount").asInt()).isEqualTo(5);
    }

    @Test
    void reasoningSplitReadsTokensFromStdin() throws Exception {
        var split = PonderProcess.run(dir, "[\"Hmm\", \"</th\", \"ink>\", \"\\n\\nFour.\"]", "reasoning-split",
                "--primed");
        assertThat(split.exitCode()).as(split.err()).isZero();
        JsonNode result = JSON.readTree(split.out());
        assertThat(result.get("thinking").asText()).isEqualTo("Hmm");
        assertThat(result.get("answer").asText()).isEqualTo("Four.");
        assertThat(result.get("thinking_closed").asBoolean()).isTrue();

        var bad = PonderProcess.run(dir, "not json", "reasoning-split");
        assertThat(bad.exitCode()).isEqualTo(2);
    }
}
