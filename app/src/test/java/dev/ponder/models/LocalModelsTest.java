package dev.ponder.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.testing.SharedModel;

class LocalModelsTest {

    @TempDir
    Path dir;

    @Test
    void importsListsAndDeletesModels() throws Exception {
        LocalModels models = new LocalModels(dir.resolve("models"));
        assertThat(models.list()).isEmpty();

        Path imported = models.importCopy(SharedModel.stories260K());
        assertThat(models.folder()).as("the import's temporary copy is gone").isDirectoryNotContaining("glob:**.part");
        Files.writeString(models.folder().resolve("broken.gguf"), "<html>");
        Files.writeString(models.folder().resolve("half.gguf.0123456789abcdef.part"), "GGUF");

        assertThat(imported).hasSameBinaryContentAs(SharedModel.stories260K());
        assertThat(models.list()).extracting(e -> e.file().getFileName().toString())
                .containsExactly("broken.gguf", "stories260K.gguf");
        assertThat(models.list().get(0).problem()).contains("web page");
        assertThat(models.list().get(1).info().blockCount()).isEqualTo(5);

        models.delete(imported);
        assertThat(imported).doesNotExist();
    }

    @Test
    void refusesWhatIsNoModelANameTakenAndFilesOutsideTheFolder() throws Exception {
        LocalModels models = new LocalModels(dir.resolve("models"));
        Path notAModel = Files.writeString(dir.resolve("notes.gguf"), "hello");
        models.importCopy(SharedModel.stories260K());

        assertThatThrownBy(() -> models.importCopy(notAModel)).isInstanceOf(GgufFormatException.class);
        assertThatThrownBy(() -> models.importCopy(SharedModel.stories260K()))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("rename one of them");
        assertThatThrownBy(() -> models.delete(notAModel)).hasMessageContaining("is not in the models folder");
        assertThat(notAModel).exists();
    }
}
