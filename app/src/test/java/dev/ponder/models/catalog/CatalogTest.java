package dev.ponder.models.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.download.RemoteFile;
import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.Memory;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.fit.ModelShape;
import dev.ponder.models.fit.Verdict;
import dev.ponder.testing.SyntheticModel;

class CatalogTest {

    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path dir;

    @Test
    void theR1FamilyIsThereInTheFourQuantizations() {
        assertThat(CATALOG.models()).extracting(CatalogModel::name).containsExactly(
                "DeepSeek-R1-Distill-Qwen-1.5B", "DeepSeek-R1-Distill-Qwen-7B", "DeepSeek-R1-Distill-Llama-8B",
                "DeepSeek-R1-Distill-Qwen-14B", "DeepSeek-R1-Distill-Qwen-32B", "DeepSeek-R1-Distill-Llama-70B");
        for (CatalogModel model : CATALOG.models()) {
            assertThat(model.files()).extracting(CatalogFile::quantization)
                    .containsExactly("Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0");
            assertThat(model.architecture()).as("an architecture this llama.cpp runs").isIn("qwen2", "llama");
            assertThat(model.licence()).startsWith("MIT");
            assertThat(model.shape().source()).startsWith("config.json");
        }
    }

    @Test
    void everyFigureHasItsSourceAndEveryGapSaysSo() {
        for (CatalogModel model : CATALOG.models()) {
            for (CatalogFile file : model.files()) {
                assertThat(file.file()).startsWith(model.name()).endsWith("-" + file.quantization() + ".gguf");
                if (file.size() == null && file.sha256() == null) {
                    assertThat(file.note()).as(file.file()).startsWith("unknown: not verified");
                    assertThat(file.bytes()).isNull();
                    continue;
                }
                assertThat(file.source()).as(file.file()).contains(file.repo());
                if (file.sha256() != null) {
                    assertThat(file.sha256()).matches("[0-9a-f]{64}");
                    // the page the checksum came from is the file at the revision the catalog downloads
                    assertThat(file.source()).contains("/blob/" + file.revision() + "/" + file.file());
                    assertThat(file.revision()).matches("[0-9a-f]{40}");
                } else {
                    assertThat(file.note()).contains("SHA-256 unknown: not verified");
                }
                assertThat(file.bytes()).as(file.file()).isPositive();
            }
        }
    }

    @Test
    void sizesAreReadAsThePagesPrintThem() {
        CatalogFile exact = CATALOG.find(new RemoteFile("bartowski/DeepSeek-R1-Distill-Llama-8B-GGUF",
                "DeepSeek-R1-Distill-Llama-8B-Q4_K_M.gguf", null)).orElseThrow();
        CatalogFile rounded = CATALOG.find(new RemoteFile("bartowski/DeepSeek-R1-Distill-Qwen-32B-GGUF",
                "DeepSeek-R1-Distill-Qwen-32B-Q4_K_M.gguf", null)).orElseThrow();

        assertThat(exact.bytes()).isEqualTo(4_920_736_608L);
        assertThat(exact.size()).isEqualTo("4.92 GB");
        assertThat(rounded.bytes()).isEqualTo(19_900_000_000L);
        assertThat(rounded.remote().revision()).isEqualTo("e91191a38f75cdbce10b0eab7959c23093e6af79");
    }

    @Test
    void theShapeOfACatalogEntryComesCloseToTheFilesOwnHeader() throws Exception {
        // The synthetic 7B file has DeepSeek-R1-Distill-Qwen-7B's config and Q4_K_M-like weights.
        ModelShape header = ModelShape.of(GgufInfo.read(SyntheticModel.QWEN2_7B.write(dir.resolve("7b.gguf"))));
        CatalogShape config = CATALOG.models().get(1).shape();

        ModelShape estimated = config.toModelShape(header.weightBytes());

        assertThat(estimated.weightBytes()).isEqualTo(header.weightBytes());
        assertThat(estimated.headsKv()).isEqualTo(header.headsKv());
        assertThat(estimated.keyLength()).isEqualTo(header.keyLength());
        assertThat((double) estimated.layerBytes()).isCloseTo(header.layerBytes(),
                org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void entriesCarryTheirFitAndWhetherTheyAreDownloaded() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        SyntheticModel.QWEN2_1_5B.write(dir.resolve("models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"));
        Hardware laptop = new Hardware(new Cpu("Laptop CPU", "amd64", 4, 8, List.of("AVX2")),
                new Memory(16L << 30, 12L << 30, 20e9), new Disk(dir, 100L << 30), List.of());

        List<CatalogEntry> entries = CATALOG.entries(laptop, 4096, dir.resolve("models"));

        assertThat(entries).hasSize(24);
        CatalogEntry first = entries.getFirst();
        assertThat(first.localFile()).isEqualTo(dir.resolve("models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"));
        assertThat(first.plan().estimate().weightBytes()).as("planned from the downloaded file's header")
                .isEqualTo(1_060_276_736L);
        assertThat(entries).filteredOn(e -> e.file().bytes() == null).allMatch(e -> e.plan() == null);
        assertThat(entries).filteredOn(e -> e.plan() != null).extracting(e -> e.plan().verdict())
                .containsAnyOf(Verdict.CPU_ONLY).contains(Verdict.TOO_BIG);
        assertThat(Set.copyOf(entries.stream().filter(e -> e.localFile() != null).toList())).hasSize(1);
    }
}
