package dev.ponder.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Ponder keeps its data: the per-OS user data folder, or the folder given with {@code --data-dir}.
 * The lookup takes the OS name, environment and home folder as arguments so every platform can be tested anywhere.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * The default data folder for a platform: {@code $XDG_DATA_HOME/ponder} or {@code ~/.local/share/ponder} on Linux,
     * the shared per-user folder elsewhere (see {@link UserFolder#forPlatform}).
     */
    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
        return UserFolder.forPlatform(osName, env, home, "XDG_DATA_HOME", Path.of(".local", "share"));
    }

    /** The default data folder for this machine. */
    public static Path platformDefault() {
        return UserFolder.forThisMachine("XDG_DATA_HOME", Path.of(".local", "share"));
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
     * Creates {@code dir} if it is missing, owner-only (see {@link UserFolder#createOwnerOnly}).
     *
     * @throws StoreException when it cannot be created, with a message saying what to do
     */
    public static void ensureExists(Path dir) {
        try {
            UserFolder.createOwnerOnly(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "the data folder " + dir + " is a file, not a folder: move it away or pick another folder"
                            + " with --data-dir",
                    e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot create the data folder " + dir + " (" + e + "): check its permissions and free space, or"
                            + " pick another folder with --data-dir",
                    e);
        }
    }
}
