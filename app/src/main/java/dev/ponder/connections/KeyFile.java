package dev.ponder.connections;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.store.AtomicWrite;

/**
 * API keys in a file that only the user can read ({@value #FILE_NAME} in the settings folder, mode 0600), where no
 * keychain can be reached. A file found readable by others is made private again before it is read.
 */
final class KeyFile {

    static final String FILE_NAME = "api-keys.json";
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    KeyFile(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    synchronized Optional<String> get(URI server) throws IOException {
        return Optional.ofNullable(read().get(server.toString()));
    }

    synchronized void put(URI server, String key) throws IOException {
        Map<String, String> keys = read();
        keys.put(server.toString(), key);
        write(keys);
    }

    synchronized void remove(URI server) throws IOException {
        Map<String, String> keys = read();
        if (keys.remove(server.toString()) != null) {
            write(keys);
        }
    }

    private Map<String, String> read() throws IOException {
        try {
            makePrivate();
            return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (java.io.FileNotFoundException e) {
            if (Files.exists(file)) {
                throw e;
            }
            return new TreeMap<>();
        }
    }

    private void makePrivate() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && Files.exists(file) && !view.readAttributes().permissions().equals(OWNER_ONLY)) {
            LOG.warn("{} was readable by others; it is private again, but consider its keys seen", file);
            view.setPermissions(OWNER_ONLY);
        }
    }

    private void write(Map<String, String> keys) throws IOException {
        Files.createDirectories(file.getParent());
        // AtomicWrite's temporary file is created owner-only, so the keys are never readable by others, not briefly.
        AtomicWrite.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys));
    }
}
