package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.store.AtomicWrite;

/**
 * What {@code ponder book new} was started with, kept in the book folder so that {@code resume} continues with the
 * same model and settings. Never an API key: that stays in the keychain or {@code PONDER_API_KEY}.
 *
 * @param model    the GGUF file, or with an endpoint the model's name on that server
 * @param endpoint the OpenAI-compatible server's address, or null for a local model (and for books from before)
 * @param parallel chapters written at once: llama.cpp's sequences, or requests to the server
 */
public record JobSettings(String model, int threads, long seed, boolean ignoreBriefScore, int parallel,
                          String endpoint) {

    /** The same job on another model: a local file, or (with {@code newEndpoint}) a server's model. */
    public JobSettings withModel(String newModel, String newEndpoint) {
        return new JobSettings(newModel, threads, seed, ignoreBriefScore, parallel, newEndpoint);
    }

    public static final String FILE_NAME = "book-job.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path dir) throws IOException {
        AtomicWrite.writeString(dir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    /** How a book is written with these settings. */
    public BookOptions options() {
        return BookOptions.defaults().withSeed(seed).ignoringBriefScore(ignoreBriefScore);
    }

    public static JobSettings read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a book folder (no " + FILE_NAME + "): start one with ponder book new");
        }
        return JSON.readValue(file.toFile(), JobSettings.class);
    }
}
