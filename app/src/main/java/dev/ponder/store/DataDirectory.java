package dev.ponder.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Where Ponder keeps its data: the per-OS user data folder, or the folder given with {@code --data-dir}.
 * The lookup takes the OS name, environment and home folder as arguments so every platform can be tested anywhere.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * The default data folder for a platform.
     * <ul>
     * <li>Linux and other Unixes: {@code $XDG_DATA_HOME/ponder}, else {@code ~/.local/share/ponder} (XDG Base
     * Directory spec; a relative {@code XDG_DATA_HOME} is invalid per the spec and ignored).</li>
     * <li>macOS: {@code ~/Library/Application Support/Ponder}.</li>
     * <li>Windows: {@code %APPDATA%\Ponder}, else {@code <home>\AppData\Roaming\Ponder}.</li>
     * </ul>
     */
    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
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
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("ponder");
        }
        return home.resolve(".local").resolve("share").resolve("ponder");
    }

    /** The default data folder for this machine. */
    public static Path platformDefault() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The data folder to use ({@code override} from {@code --data-dir} when given, else the platform default),
     * created if missing, as an absolute path.
     *
     * @throws StoreException when the folder cannot be created, with a message saying what to do
     */
    public static Path resolve(Path overrideOrNull) {
        Path dir = (overrideOrNull != null ? overrideOrNull : platformDefault()).toAbsolutePath().normalize();
        ensureExists(dir);
        return dir;
    }

    /**
     * Creates {@code dir} if it is missing. A folder Ponder creates is owner-only (POSIX 700) because chats are
     * private; an existing folder is left as the user set it up (it may be shared on purpose via {@code --data-dir}).
     */
    public static void ensureExists(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            if (Files.exists(dir)) {
                throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                        "the data folder " + dir + " is a file, not a folder: move it away or pick another folder"
                                + " with --data-dir");
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
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot create the data folder " + dir + " (" + e + "): check its permissions and free space, or"
                            + " pick another folder with --data-dir",
                    e);
        }
    }
}
