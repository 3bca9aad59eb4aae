package dev.ponder.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.testing.LlamaServer;
import dev.ponder.testing.ScriptedServer;
import dev.ponder.testing.SharedModel;

/** {@code ponder remote} and {@code ponder chat --endpoint} as a user runs them. */
class RemoteCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void aStoredKeyIsSentToTheServerAndNeverPrinted() throws Exception {
        try (ScriptedServer server = ScriptedServer.start().listing("deepseek-r1:70b")) {
            ProcessBuilder store = PonderProcess.builder(dir, "remote", "key", "--endpoint", server.root() + "/v1");
            Process key = isolated(store).start();
            try (var in = key.getOutputStream()) {
                in.write("sk-from-stdin\n".getBytes(StandardCharsets.UTF_8));
            }
            String stored = new String(key.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(key.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stored).contains("Stored the API key for " + server.root()).doesNotContain("sk-from-stdin");

            Process models = isolated(PonderProcess.builder(dir, "remote", "models", "--endpoint",
                    server.root().toString())).start();
            String listed = new String(models.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(models.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(listed).contains("1 model(s)").contains("deepseek-r1:70b");
            assertThat(server.received("/v1/models").getFirst().authorization()).isEqualTo("Bearer sk-from-stdin");
        }
    }

    /** The settings folder inside the test's folder, and no keychain: the user's own must stay untouched. */
    private ProcessBuilder isolated(ProcessBuilder builder) throws Exception {
        builder.environment().put("XDG_CONFIG_HOME", Files.createDirectories(dir.resolve("config")).toString());
        builder.environment().put("PATH", "");
        builder.environment().remove("PONDER_API_KEY");
        return builder;
    }

    @Test
    void oneTurnOnLlamaServerIsPrintedAndKeptUnderTheServersModel() throws Exception {
        try (LlamaServer server = LlamaServer.start(SharedModel.stories260K(), 1, 1024)) {
            var chat = PonderProcess.run(dir, "", "chat", "--endpoint", server.root().toString(), "--remote-model",
                    "stories260K", "--prompt", "Tell me a story", "--max-tokens", "30", "--seed", "7", "--data-dir",
                    dir.toString());

            assertThat(chat.exitCode()).as(chat.err()).isZero();
            assertThat(chat.err()).contains("Ready: stories260K on " + server.root());
            assertThat(chat.out()).contains("30 tokens").contains("conversation 1, message 2");
            var show = PonderProcess.run(dir, "", "show", "1", "--json", "--data-dir", dir.toString());
            JsonNode reply = new ObjectMapper().readTree(show.out()).get("messages").get(1);
            assertThat(reply.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(reply.get("model").asText()).isEqualTo("stories260K");
        }
    }

    @Test
    void aServerThatIsNotThereIsSaidSoWithExitCodeTwo() throws Exception {
        var chat = PonderProcess.run(dir, "", "chat", "--endpoint", "http://127.0.0.1:1", "--remote-model", "x",
                "--prompt", "hi", "--data-dir", dir.toString());
        assertThat(chat.exitCode()).isEqualTo(2);
        assertThat(chat.err()).contains("Cannot reach the server at http://127.0.0.1:1 (connection refused)")
                .doesNotContain("Exception");
    }
}
