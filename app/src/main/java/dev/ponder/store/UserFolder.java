package dev.ponder.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folders Ponder keeps its files in (data, settings), one rule per platform. The OS name, environment
 * and home folder are arguments so that every platform can be tested anywhere.
 */
public final class UserFolder {

    private UserFolder() {
    }

    /**
     * Ponder's folder of one kind for a platform.
     * <ul>
     * <li>Linux and other Unixes: {@code $<xdgVariable>/ponder}, else {@code <home>/<xdgFallback>/ponder} (XDG Base
     * Directory spec; a relative value is invalid per the spec and ignored).</li>
     * <li>macOS: {@code ~/Library/Application Support/Ponder}.</li>
     * <li>Windows: {@code %APPDATA%\Ponder}, else {@code <home>\AppData\Roaming\Ponder}.</li>
     * </ul>
     *
     * @param xdgVariable the XDG variable for this kind of file, e.g. {@code XDG_CONFIG_HOME}
     * @param xdgFallback its default under the home folder, e.g. {@code .config}
     */
    public static Path forPlatform(String osName, Map<String, String> env, Path home, String xdgVariable,
            Path xdgFallback) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            if (appData != null && !appData.isBlank()) {
                return Path.of(appData).resolve("Ponder");
            }
            return home.resolve("AppData").resolve("Roaming").resolve("Ponder");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Ponder");
        }
        String xdg = env.get(xdgVariable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("ponder");
        }
        return home.resolve(xdgFallback).resolve("ponder");
    }

    /** {@link #forPlatform} for this machine. */
    public static Path forThisMachine(String xdgVariable, Path xdgFallback) {
        return forPlatform(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")),
                xdgVariable, xdgFallback);
    }

    /**
     * Creates {@code dir} if it is missing. A folder Ponder creates is owner-only (POSIX 700) because chats and
     * settings are private; an existing folder is left as the user set it up (it may be shared on purpose).
     *
     * @throws FileAlreadyExistsException when a file stands where the folder should be
     */
    public static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "a file, not a folder");
        }
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                // Windows: %APPDATA% is already private to the user.
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another Ponder created it at the same moment; fine if it is a folder.
            if (!Files.isDirectory(dir)) {
                throw raced;
            }
        }
    }
}
