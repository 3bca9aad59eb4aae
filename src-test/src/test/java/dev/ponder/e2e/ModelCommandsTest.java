package dev.ponder.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.testing.LocalHub;
import dev.ponder.testing.SharedModel;

/**
 * {@code ponder hardware}, {@code models}, {@code plan} and {@code pull} as a user runs them, and the proof that
 * Ponder opens no network connection but the download the user asked for: every command runs under
 * {@link NetworkGuard}, which writes down any TCP or UDP channel the JVM opens.
 */
class ModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "ponder-test/stories-GGUF";

    @TempDir
    Path dir;

    private LocalHub hub;
    private Path networkLog;
    private Path models;
    private Path config;

    @BeforeEach
    void setUp() {
        hub = LocalHub.start();
        hub.serve(REPO, "stories260K.gguf", SharedModel.stories260K());
        networkLog = dir.resolve("network.log");
        models = dir.resolve("models");
        config = dir.resolve("config");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    /** Runs ponder under the guard, with its settings in this test's folder and the given HF_ENDPOINT. */
    private PonderProcess.Result ponder(String hfEndpoint, String... args) throws Exception {
        ProcessBuilder builder = PonderProcess.builder(dir, List.of(
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Djava.nio.channels.spi.SelectorProvider=" + NetworkGuard.class.getName(),
                "-D" + NetworkGuard.LOG_PROPERTY + "=" + networkLog), args);
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().remove("HF_ENDPOINT");
        if (hfEndpoint != null) {
            builder.environment().put("HF_ENDPOINT", hfEndpoint);
        }
        return PonderProcess.run(builder, dir, "", args);
    }

    private String network() throws Exception {
        return Files.exists(networkLog) ? Files.readString(networkLog) : "";
    }

    @Test
    void pullDownloadsFromTheEndpointAndPrintsWhereTheModelIs() throws Exception {
        var pull = ponder(null, "pull", REPO + "/stories260K.gguf", "--endpoint", hub.endpoint(),
                "--models-dir", models.toString());

        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out().strip()).isEqualTo(models.resolve("stories260K.gguf").toString());
        assertThat(models.resolve("stories260K.gguf")).hasSameBinaryContentAs(SharedModel.stories260K());
        assertThat(pull.err()).contains("connecting " + REPO + "/stories260K.gguf").contains("100.0%");
        // The guard is no placebo: the download it was asked for is what it saw.
        assertThat(network()).contains("TCP socket").contains("jdk.internal.net.http.PlainHttpConnection");
    }

    @Test
    void pullTakesTheHostFromHfEndpoint() throws Exception {
        var pull = ponder(hub.endpoint(), "pull", REPO + "/stories260K.gguf", "--models-dir", models.toString());

        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(hub.requests()).isNotEmpty();
    }

    @Test
    void pullSaysWhatIsWrongAndExitsNonZero() throws Exception {
        var badName = ponder(null, "pull", "stories260K.gguf", "--endpoint", hub.endpoint());
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("OWNER/REPO/FILE");

        var missing = ponder(null, "pull", REPO + "/nothing.gguf", "--endpoint", hub.endpoint(), "--models-dir",
                models.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("has no file nothing.gguf in " + REPO).doesNotContain("Exception");
    }

    @Test
    void offlineModeStopsEvenAnAskedForDownloadWithoutTouchingTheNetwork() throws Exception {
        Files.createDirectories(config.resolve("ponder"));
        Files.writeString(config.resolve("ponder/settings.json"), "{\"offlineMode\": true}");

        var pull = ponder(null, "pull", REPO + "/stories260K.gguf", "--endpoint", hub.endpoint(),
                "--models-dir", models.toString());

        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.err()).contains("offline mode");
        assertThat(hub.requests()).isEmpty();
        assertThat(network()).isEmpty();
    }

    @Test
    void everyOtherCommandRunsWithoutOpeningANetworkConnection() throws Exception {
        Path model = SharedModel.stories260K();

        var hardware = ponder(null, "hardware", "--json", "--models-dir", models.toString());
        var catalog = ponder(null, "models", "--json", "--models-dir", models.toString());
        var plan = ponder(null, "plan", model.toString(), "--json");
        var inspect = ponder(null, "inspect", model.toString());
        var chat = ponder(null, "chat", "--model", model.toString(), "--prompt", "Once", "--max-tokens", "8",
                "--threads", "1", "--data-dir", dir.resolve("data").toString());
        var history = ponder(null, "history", "--data-dir", dir.resolve("data").toString());

        for (var run : List.of(hardware, catalog, plan, inspect, chat, history)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(network()).as("network channels opened").isEmpty();

        JsonNode machine = JSON.readTree(hardware.out());
        assertThat(machine.get("cpu").get("logicalCores").asInt()).isPositive();
        assertThat(machine.get("memory").get("totalBytes").asLong()).isPositive();
        assertThat(JSON.readTree(catalog.out())).hasSize(24);
        JsonNode fit = JSON.readTree(plan.out());
        assertThat(fit.get("verdict").asText()).isIn("CPU_ONLY", "FITS_ON_GPU", "GPU_AND_CPU");
        assertThat(fit.get("context").asInt()).as("the model's trained 2048 tokens").isEqualTo(2048);
        assertThat(fit.get("estimate").get("weightBytes").asLong()).isEqualTo(1_171_200L);
    }
}
