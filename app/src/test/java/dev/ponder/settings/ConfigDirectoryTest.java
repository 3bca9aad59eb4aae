package dev.ponder.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void linuxUsesXdgConfigHomeWhenSet() {
        assertThat(ConfigDirectory.defaultFor("Linux", Map.of("XDG_CONFIG_HOME", "/cfg/ada"), home))
                .isEqualTo(Path.of("/cfg/ada/ponder"));
    }

    @Test
    void linuxFallsBackToDotConfigAndIgnoresTheDataVariable() {
        assertThat(ConfigDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), home))
                .isEqualTo(Path.of("/home/ada/.config/ponder"));
    }

    @Test
    void linuxIgnoresARelativeXdgConfigHomeAsTheSpecRequires() {
        assertThat(ConfigDirectory.defaultFor("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ada/.config/ponder"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(ConfigDirectory.defaultFor("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), home))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Ponder"));
    }

    @Test
    void windowsUsesAppDataOrTheRoamingFolderInTheHome() {
        assertThat(ConfigDirectory.defaultFor("Windows 11", Map.of("APPDATA", "/c/Users/ada/AppData/Roaming"), home))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Roaming").resolve("Ponder"));
        assertThat(ConfigDirectory.defaultFor("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("Ponder"));
    }
}
