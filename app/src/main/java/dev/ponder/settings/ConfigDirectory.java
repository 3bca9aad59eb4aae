package dev.ponder.settings;

import java.nio.file.Path;
import java.util.Map;

import dev.ponder.store.UserFolder;

/**
 * Where Ponder keeps its settings. The lookup takes the OS name, environment and home folder as arguments so every
 * platform can be tested anywhere.
 */
public final class ConfigDirectory {

    private static final String XDG_VARIABLE = "XDG_CONFIG_HOME";
    private static final Path XDG_FALLBACK = Path.of(".config");

    private ConfigDirectory() {
    }

    /**
     * The settings folder for a platform: {@code $XDG_CONFIG_HOME/ponder} or {@code ~/.config/ponder} on Linux,
     * {@code ~/Library/Application Support/Ponder} on macOS, {@code %APPDATA%\Ponder} on Windows (see
     * {@link UserFolder#forPlatform}).
     */
    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
        return UserFolder.forPlatform(osName, env, home, XDG_VARIABLE, XDG_FALLBACK);
    }

    /** The settings folder for this machine. */
    public static Path platformDefault() {
        return UserFolder.forThisMachine(XDG_VARIABLE, XDG_FALLBACK);
    }
}
