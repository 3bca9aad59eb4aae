package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.store.AtomicWrite;

/**
 * What {@code ponder book new} was started with, kept in the book folder so that {@code resume} continues with the
 * same model and settings.
 */
public record JobSettings(String model, int threads, long seed, boolean ignoreBriefScore, int parallel) {

    public static final String FILE_NAME = "book-job.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path dir) throws IOException {
        AtomicWrite.writeString(dir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    /** How a book is written with these settings. */
    public BookOptions options() {
        return BookOptions.defaults().withSeed(seed).ignoringBriefScore(ignoreBriefScore);
    }

    /** The same settings with another model. */
    public JobSettings withModel(Path file) {
        return new JobSettings(file.toAbsolutePath().toString(), threads, seed, ignoreBriefScore, parallel);
    }

    public static JobSettings read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a book folder (no " + FILE_NAME + "): start one with ponder book new");
        }
        return JSON.readValue(file.toFile(), JobSettings.class);
    }
}
