package dev.ponder.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {

    @TempDir
    Path cache;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theBindingLoadsItsLibraryFromAnOwnerOnlyFolderOfPondersNotTheSharedTempFolder() throws Exception {
        Path dir = NativeLibrary.prepare(cache);

        // prepare() runs once per JVM: another test may have chosen the folder; it must still be a private one.
        Path library = dir.resolve(System.mapLibraryName("jllama"));
        assertThat(library).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(System.getProperty("de.kherud.llama.lib.path")).isEqualTo(dir.toString());
        Path scratch = Path.of(System.getProperty("de.kherud.llama.tmpdir"));
        assertThat(scratch).isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch))).isEqualTo("rwx------");
    }

    @Test
    void platformFoldersMatchTheBindingsLayout() {
        assertThat(NativeLibrary.platformFolder()).matches("(Linux|Mac|Windows)/(x86_64|aarch64|x86|.+)");
    }
}
