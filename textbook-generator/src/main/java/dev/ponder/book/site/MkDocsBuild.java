package dev.ponder.book.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code mkdocs build} on a book folder: the check that its site builds, and the way to read it. */
public final class MkDocsBuild {

    /** The folder the site is built into, inside the book folder. */
    public static final String SITE_DIR = "site";

    /** How a build went: mkdocs's exit status and what it printed. */
    public record Result(int exit, String output) {

        public boolean passed() {
            return exit == 0;
        }
    }

    private MkDocsBuild() {
    }

    /** Whether {@code mkdocs} can be run here. */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("mkdocs", "--version").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds the site of {@code bookDir} into {@value #SITE_DIR}; strict turns every warning into a failure. */
    public static Result build(Path bookDir, boolean strict) throws IOException, InterruptedException {
        ProcessBuilder builder = strict ? new ProcessBuilder("mkdocs", "build", "--strict", "-d", SITE_DIR)
                : new ProcessBuilder("mkdocs", "build", "-d", SITE_DIR);
        Process build = builder.directory(bookDir.toFile()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(build.waitFor(), output);
    }
}
