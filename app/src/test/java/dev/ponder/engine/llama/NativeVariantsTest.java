package dev.ponder.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.Backend;

class NativeVariantsTest {

    @TempDir
    Path root;

    @Test
    void aBuildCountsOnlyWhereItsLibraryIs() throws Exception {
        Files.createDirectories(root.resolve("cuda"));
        Files.createDirectories(root.resolve("vulkan"));
        Files.writeString(root.resolve("vulkan").resolve(System.mapLibraryName("jllama")), "");
        NativeVariants variants = NativeVariants.at(root);

        assertThat(variants.built()).containsExactlyInAnyOrder(Backend.VULKAN, Backend.CPU);
        assertThat(variants.variant(Backend.CUDA)).isEmpty();
        assertThat(variants.variant(Backend.VULKAN)).contains(new NativeVariant(Backend.VULKAN,
                Optional.of(root.resolve("vulkan"))));
        assertThat(variants.variant(Backend.CPU)).as("the jar's own library").contains(NativeVariant.bundledCpu());
    }

    @Test
    void withoutARootOnlyTheJarsCpuLibraryIsThere() {
        assertThat(NativeVariants.none().built()).containsExactly(Backend.CPU);
    }

    @Test
    void aVariantTellsAChildJvmWhatToLoad() {
        assertThat(new NativeVariant(Backend.CUDA, Optional.of(Path.of("/opt/ponder/cuda"))).jvmOptions())
                .isEqualTo(List.of("-Dponder.backend=cuda", "-Dponder.native.dir=/opt/ponder/cuda"));
        assertThat(NativeVariant.bundledCpu().jvmOptions()).isEqualTo(List.of("-Dponder.backend=cpu"));
    }
}
