package dev.ponder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), home))
                .isEqualTo(Path.of("/data/ada/ponder"));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutXdgDataHome() {
        assertThat(DataDirectory.defaultFor("Linux", Map.of(), home))
                .isEqualTo(Path.of("/home/ada/.local/share/ponder"));
    }

    @Test
    void linuxIgnoresARelativeXdgDataHomeAsTheSpecRequires() {
        assertThat(DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), home))
                .isEqualTo(Path.of("/home/ada/.local/share/ponder"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.defaultFor("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Ponder"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.defaultFor("Windows 11", Map.of("APPDATA", "/c/Users/ada/AppData/Roaming"), home))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Roaming").resolve("Ponder"));
    }

    @Test
    void windowsFallsBackToTheHomeFolderWithoutAppData() {
        assertThat(DataDirectory.defaultFor("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("Ponder"));
    }

    @Test
    void resolveCreatesTheOverrideFolderOwnerOnly(@TempDir Path tmp) throws Exception {
        Path dir = DataDirectory.resolve(tmp.resolve("a/b/ponder"));

        assertThat(dir).isDirectory().isAbsolute();
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }

    @Test
    void resolveKeepsAnExistingFolderAsItIs(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Path marker = Files.writeString(dir.resolve("keep.txt"), "x");

        assertThat(DataDirectory.resolve(dir)).isEqualTo(dir.toAbsolutePath());
        assertThat(marker).hasContent("x");
    }

    @Test
    void aFileWhereTheFolderShouldBeGivesAClearError(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notadir"), "x");

        assertThatThrownBy(() -> DataDirectory.resolve(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("--data-dir");
    }
}
