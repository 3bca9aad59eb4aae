package dev.ponder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("notes.md");

        AtomicWrite.writeString(file, "first");
        AtomicWrite.writeString(file, "second, café");

        assertThat(file).hasContent("second, café");
        assertThat(names()).containsExactly("notes.md");
    }

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorATemporaryFile() throws IOException {
        Path folderInTheWay = Files.createDirectories(dir.resolve("taken/child"));

        assertThatThrownBy(() -> AtomicWrite.writeString(folderInTheWay.getParent(), "text"))
                .isInstanceOf(IOException.class);
        assertThat(names()).containsExactly("taken");
        assertThat(folderInTheWay).isDirectory();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aTemporaryFileLeftByAKilledWriteIsRemovedByTheNextWrite(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("learning-graph.json");
        Path leftover = Files.writeString(folder.resolve(".learning-graph.json.12345.tmp"), "{\"half");

        AtomicWrite.writeString(target, "{}");

        assertThat(leftover).doesNotExist();
        assertThat(target).hasContent("{}");
    }
}
