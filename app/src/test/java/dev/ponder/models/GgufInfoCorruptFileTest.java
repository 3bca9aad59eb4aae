package dev.ponder.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import dev.ponder.testing.SharedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken file is refused with a message that names it and says what is wrong, before llama.cpp sees it. */
class GgufInfoCorruptFileTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnEmptyFile() {
        Path file = GgufBuilder.write(dir.resolve("empty.gguf"), new byte[0]);

        assertThat(problem(file)).contains("is empty (0 bytes)");
    }

    @Test
    void refusesAFileThatIsNotGgufAndShowsItsFirstBytes() {
        Path file = GgufBuilder.write(dir.resolve("model.gguf"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0});

        assertThat(problem(file)).contains("is not a GGUF model file (it starts with bytes 50 4B 03 04, expected 'GGUF')");
    }

    @Test
    void refusesAWebPageSavedInPlaceOfTheModel() {
        Path file = GgufBuilder.write(dir.resolve("page.gguf"), "<!DOCTYPE html><html>404</html>".getBytes());

        assertThat(problem(file)).contains("is not a GGUF model file").contains("web page");
    }

    @Test
    void refusesGgufVersionOne() {
        Path file = new GgufBuilder().version(1).write(dir, "v1.gguf");

        assertThat(problem(file)).contains("unsupported GGUF version 1");
    }

    @Test
    void refusesAGgufVersionFromTheFuture() {
        Path file = new GgufBuilder().version(4).write(dir, "v4.gguf");

        assertThat(problem(file)).contains("unsupported GGUF version 4");
    }

    @Test
    void refusesTheRealModelCutAfterItsFirstHundredBytes() throws Exception {
        byte[] model = Files.readAllBytes(SharedModel.stories260K());
        Path file = GgufBuilder.write(dir.resolve("head.gguf"), Arrays.copyOf(model, 100));

        assertThat(problem(file)).isEqualTo("is truncated: the header says 48 tensors and 19 metadata entries, but "
                + "the file ends at byte 100 while reading the header, which needs at least 1423 bytes");
    }

    @Test
    void refusesASyntheticHeaderCutBetweenTwoTensorInfos() {
        byte[] whole = GgufBuilder.llama()
                .tensor("token_embd.weight", GgmlType.F32, 8)
                .tensor("output.weight", GgmlType.F32, 8)
                .build();
        // The second tensor info is its 8-byte name length, 13 name bytes, dim count, one dim, type and offset.
        int secondInfo = indexOf(whole, "output.weight".getBytes()) - 8;
        Path file = GgufBuilder.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, secondInfo));

        assertThat(problem(file)).isEqualTo("is truncated: the header says 2 tensors and 8 metadata entries, but the "
                + "file ends at byte " + secondInfo + " while reading the length of the name of tensor 2");
    }

    @Test
    void refusesTheRealModelCutToNinetyPercentAsAnIncompleteDownload() throws Exception {
        byte[] model = Files.readAllBytes(SharedModel.stories260K());
        int cut = model.length * 9 / 10;
        Path file = GgufBuilder.write(dir.resolve("partial.gguf"), Arrays.copyOf(model, cut));

        assertThat(problem(file))
                .startsWith("is truncated: tensor '")
                .containsPattern("data ends at byte 1185376, past the end of the file \\(" + cut + " bytes\\)")
                .endsWith("the download is incomplete");
    }

    @Test
    void refusesTheRealModelClaimingTwoToTheFortiethTensors() throws Exception {
        byte[] model = Files.readAllBytes(SharedModel.stories260K());
        Path file = GgufBuilder.write(dir.resolve("absurd.gguf"), GgufBuilder.patchU64(model, 8, 1L << 40));

        assertThat(problem(file)).isEqualTo("claims 1099511627776 tensors, more than a 1.2 MB file can hold");
    }

    @Test
    void refusesAbsurdTensorAndMetadataCountsInASyntheticFile() {
        byte[] valid = GgufBuilder.llama().tensor("output.weight", GgmlType.F32, 8).build();
        Path tensors = GgufBuilder.write(dir.resolve("tensors.gguf"), GgufBuilder.patchU64(valid, 8, -1));
        Path entries = GgufBuilder.write(dir.resolve("entries.gguf"), GgufBuilder.patchU64(valid, 16, 1L << 32));

        assertThat(problem(tensors)).startsWith("claims 18446744073709551615 tensors, more than a");
        assertThat(problem(entries)).startsWith("claims 4294967296 metadata entries, more than a");
    }

    @Test
    void refusesAStringLongerThanTheFileWithoutAllocatingIt() {
        byte[] bytes = new GgufBuilder.Raw().ascii("GGUF").u32(3).u64(0).u64(1)
                .str("general.name").u32(8).u64(1L << 62).ascii("Tiny").toByteArray();
        Path file = GgufBuilder.write(dir.resolve("string.gguf"), bytes);

        assertThat(problem(file)).isEqualTo("is truncated or corrupt: the value of 'general.name' claims to be "
                + "4611686018427387904 bytes long, but only 4 bytes of the file remain after byte 56");
    }

    @Test
    void refusesAnArrayLongerThanTheFileCanHold() {
        byte[] bytes = new GgufBuilder.Raw().ascii("GGUF").u32(3).u64(0).u64(1)
                .str("tokenizer.ggml.tokens").u32(9).u32(8).u64(150_000).str("a").toByteArray();
        Path file = GgufBuilder.write(dir.resolve("array.gguf"), bytes);

        assertThat(problem(file)).contains("the array 'tokenizer.ggml.tokens' claims 150000 string elements");
    }

    @Test
    void refusesATensorOfUnknownType() {
        byte[] valid = GgufBuilder.llama().tensor("output.weight", GgmlType.F32, 8).build();
        // The tensor type follows the name, the dim count and the single dimension.
        int type = indexOf(valid, "output.weight".getBytes()) + "output.weight".length() + 4 + 8;
        valid[type] = 99;
        Path file = GgufBuilder.write(dir.resolve("type.gguf"), valid);

        assertThat(problem(file)).contains("tensor 'output.weight' in ggml type 99, which this app does not know");
    }

    @Test
    void refusesImpossibleTensorShapes() {
        Path zero = GgufBuilder.llama().tensor("output.weight", GgmlType.F32, 8, 0).write(dir, "zero.gguf");
        Path overflow = GgufBuilder.llama()
                .tensor("output.weight", GgmlType.F32, 1L << 32, 1L << 32).write(dir, "overflow.gguf");
        Path rows = GgufBuilder.llama().tensor("output.weight", GgmlType.Q4_0, 33, 2).write(dir, "rows.gguf");

        assertThat(problem(zero)).contains("dimension 2 of tensor 'output.weight' is 0, but sizes must be positive");
        assertThat(problem(overflow)).contains("tensor 'output.weight' claims more elements than any file can hold");
        assertThat(problem(rows)).contains("has rows of 33 elements, not a multiple of 32");
    }

    @Test
    void refusesAFileWithoutArchitecture() {
        Path file = new GgufBuilder().tensor("output.weight", GgmlType.F32, 8).write(dir, "noarch.gguf");

        assertThat(problem(file)).contains("has no general.architecture");
    }

    @Test
    void refusesSeededRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            Path file = GgufBuilder.write(dir.resolve("noise" + i + ".gguf"), noise);

            assertThat(problem(file)).startsWith("is not a GGUF model file (it starts with bytes ");
        }
    }

    @Test
    void refusesRandomBytesAfterAValidGgufStartWithoutAnyOtherKindOfError() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[64 + random.nextInt(4096)];
            random.nextBytes(noise);
            byte[] start = new GgufBuilder.Raw().ascii("GGUF").u32(3).toByteArray();
            System.arraycopy(start, 0, noise, 0, start.length);
            Path file = GgufBuilder.write(dir.resolve("noise.gguf"), noise);

            assertThat(problem(file)).isNotBlank();
        }
    }

    @Test
    void refusesEveryTruncationAndSurvivesEveryFlippedByteOfASmallModel() throws Exception {
        byte[] valid = GgufBuilder.llama().uint32("general.file_type", 7)
                .tensor("token_embd.weight", GgmlType.Q8_0, 64, 4)
                .tensor("output_norm.weight", GgmlType.F32, 64)
                .build();
        Path file = dir.resolve("fuzz.gguf");
        for (int length = 0; length < valid.length; length++) {
            GgufBuilder.write(file, Arrays.copyOf(valid, length));
            assertThat(problem(file)).as("cut at %d", length).containsAnyOf("truncated", "empty", "too short");
        }
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            GgufBuilder.write(file, mutated);
            try {
                GgufInfo.read(file);
            } catch (GgufFormatException e) {
                assertThat(e.getMessage()).startsWith(file.toAbsolutePath().toString());
            }
        }
    }

    @Test
    void refusesAFolderAndAMissingFile() {
        assertThat(problem(dir)).isEqualTo("is a folder, not a GGUF model file");
        assertThat(problem(dir.resolve("missing.gguf"))).isEqualTo("does not exist");
    }

    /** Reads the file expecting a refusal whose message starts with the file's path; returns what follows it. */
    private static String problem(Path file) {
        GgufFormatException e = catchThrowableOfType(GgufFormatException.class, () -> GgufInfo.read(file));
        assertThat(e).as("a GgufFormatException for %s", file).isNotNull();
        String path = file.toAbsolutePath().toString();
        assertThat(e.getMessage()).startsWith(path + " ");
        assertThat(e.file()).isEqualTo(file.toAbsolutePath());
        assertThat(e.problem()).isEqualTo(e.getMessage().substring(path.length() + 1));
        return e.problem();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
