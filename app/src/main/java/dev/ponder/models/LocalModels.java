package dev.ponder.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The models folder: what is in it, bringing a GGUF file in, and taking one out. A file is only ever listed, or
 * imported, after its header has been read; one that is not a usable model is listed with the reason.
 */
public final class LocalModels {

    /**
     * One file of the folder.
     *
     * @param info    its header, or null when it is not a usable model
     * @param problem why it is not, or null
     */
    public record Entry(Path file, GgufInfo info, String problem) {
    }

    private final Path folder;

    public LocalModels(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** The {@code .gguf} files, by name; unfinished downloads ({@code .part}) are not models yet and are left out. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.gguf")) {
            for (Path file : files) {
                try {
                    entries.add(new Entry(file, GgufInfo.read(file), null));
                } catch (GgufFormatException e) {
                    entries.add(new Entry(file, null, e.problem()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models folder " + folder, e);
        }
        entries.sort(Comparator.comparing(e -> e.file().getFileName().toString()));
        return entries;
    }

    /**
     * Copies a model into the folder (chosen in a file dialog or dropped on the window), after checking that it is
     * one. The copy gets its name only when complete, so an interrupted import leaves no half model behind.
     *
     * @throws GgufFormatException when the file is not a usable model
     * @throws FileAlreadyExistsException when the folder has a file of that name
     */
    public Path importCopy(Path source) throws IOException {
        GgufInfo.read(source);
        Files.createDirectories(folder);
        Path target = folder.resolve(source.getFileName().toString());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "the models folder has a file of that name already: rename one of them");
        }
        Path part = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Deletes a model of this folder; files elsewhere are refused, so a wrong path cannot delete them. */
    public void delete(Path file) throws IOException {
        Path model = file.toAbsolutePath().normalize();
        if (!folder.equals(model.getParent())) {
            throw new IllegalArgumentException(model + " is not in the models folder " + folder);
        }
        Files.deleteIfExists(model);
    }
}
