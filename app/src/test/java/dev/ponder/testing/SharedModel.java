package dev.ponder.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real test model, read from {@code ../shared/models/} beside the checkout and never copied into the repository.
 * Tests that need it call {@link #stories260K()}; when the file is absent or altered they are skipped with a loud
 * message instead of failing or downloading.
 */
public final class SharedModel {

    private static final String STORIES_SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    private static Path verified;

    private SharedModel() {
    }

    /** The shared folder: the {@code ponder.shared} property set by the build, or {@code ../shared}. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("ponder.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** stories260K.gguf, sha256-checked; skips the calling test when it is missing. */
    public static synchronized Path stories260K() {
        if (verified != null) {
            return verified;
        }
        Path model = sharedDir().resolve("models/stories260K.gguf");
        if (!Files.isRegularFile(model)) {
            String message = "SKIPPED: the real-engine test model is missing at " + model
                    + " (expected ../shared/models/stories260K.gguf beside the checkout)";
            System.err.println("!!! " + message);
            Assumptions.abort(message);
        }
        String actual = Sha256.of(model);
        if (!STORIES_SHA256.equals(actual)) {
            String message = "SKIPPED: " + model + " has sha256 " + actual + ", expected " + STORIES_SHA256;
            System.err.println("!!! " + message);
            Assumptions.abort(message);
        }
        verified = model;
        return model;
    }
}
