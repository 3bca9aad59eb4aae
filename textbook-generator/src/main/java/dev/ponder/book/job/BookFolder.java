package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.brief.CourseBrief;

/** A book's folder: its brief and job settings, made once; and where the books of one data folder are. */
public final class BookFolder {

    private BookFolder() {
    }

    /** Makes {@code dir} a new book folder; refuses one that already holds a book, so none is overwritten. */
    public static void create(Path dir, CourseBrief brief, JobSettings settings) throws IOException {
        if (isBook(dir) || Files.exists(dir.resolve(JobStore.FILE_NAME))) {
            throw new BookJobException(dir + " already holds a book: continue it with ponder book resume " + dir);
        }
        Files.createDirectories(dir);
        BriefFiles.write(dir.resolve(BookJob.BRIEF_FILE), brief);
        settings.write(dir);
    }

    public static boolean isBook(Path dir) {
        return Files.isRegularFile(dir.resolve(JobSettings.FILE_NAME));
    }

    /** The book folders directly under {@code root}, most recently started first. */
    public static List<Path> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(BookFolder::isBook)
                    .sorted(Comparator.comparing(BookFolder::started).reversed()).toList();
        }
    }

    /** A folder under {@code root} named after the title that no book uses yet. */
    public static Path unusedFolder(Path root, String title) {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = slug.isEmpty() ? "book" : slug.substring(0, Math.min(60, slug.length()));
        Path dir = root.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = root.resolve(base + "-" + n);
        }
        return dir;
    }

    private static FileTime started(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(BookJob.BRIEF_FILE));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
