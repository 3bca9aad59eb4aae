package dev.ponder.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.testing.SharedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufInfoTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShapeOfTheRealStoriesModel() throws Exception {
        Path model = SharedModel.stories260K();

        GgufInfo info = GgufInfo.read(model);

        assertThat(info.file()).isEqualTo(model.toAbsolutePath());
        assertThat(info.fileSize()).isEqualTo(1_185_376L);
        assertThat(info.version()).isEqualTo(3);
        assertThat(info.tensorCount()).isEqualTo(48);
        assertThat(info.metadataCount()).isEqualTo(19);
        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(info.name()).isEqualTo("llama");
        assertThat(info.contextLength()).isEqualTo(2048);
        assertThat(info.blockCount()).isEqualTo(5);
        assertThat(info.embeddingLength()).isEqualTo(64);
        assertThat(info.headCount()).isEqualTo(8);
        assertThat(info.headCountKv()).isEqualTo(4);
        assertThat(info.vocabularySize()).isEqualTo(512);
        // No general.file_type in this file: every tensor is F32, so that is the quantization.
        assertThat(info.fileType()).isEqualTo("F32");
        assertThat(info.chatTemplate()).isNull();
        assertThat(info.parameterCount()).isEqualTo(292_800L);
        assertThat(info.tensorDataBytes()).isEqualTo(4 * info.parameterCount());
        assertThat(info.tensorDataBytes()).isLessThanOrEqualTo(info.fileSize());
    }

    @Test
    void readsQuantizedTensorsFileTypeChatTemplateAndAlignment() throws Exception {
        Path file = GgufBuilder.llama()
                .uint32("general.file_type", 15)
                .string("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}")
                .alignment(64)
                .tensor("token_embd.weight", GgmlType.Q4_K, 256, 4)
                .tensor("blk.0.attn_q.weight", GgmlType.F16, 256, 256)
                .tensor("output_norm.weight", GgmlType.F32, 256)
                .write(dir, "tiny.gguf");

        GgufInfo info = GgufInfo.read(file);

        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(info.name()).isEqualTo("Tiny Test");
        assertThat(info.contextLength()).isEqualTo(4096);
        assertThat(info.blockCount()).isEqualTo(2);
        assertThat(info.embeddingLength()).isEqualTo(256);
        assertThat(info.headCount()).isEqualTo(8);
        assertThat(info.headCountKv()).isEqualTo(2);
        assertThat(info.vocabularySize()).isEqualTo(4);
        assertThat(info.fileType()).isEqualTo("Q4_K_M");
        assertThat(info.chatTemplate()).startsWith("{% for m in messages %}");
        assertThat(info.tensorCount()).isEqualTo(3);
        assertThat(info.metadataCount()).isEqualTo(11);
        assertThat(info.parameterCount()).isEqualTo(256 * 4 + 256 * 256 + 256);
        assertThat(info.tensorDataBytes()).isEqualTo(4 * 144 + 256 * 256 * 2 + 256 * 4);
    }

    @Test
    void takesTheMostCommonTensorTypeAsQuantizationWhenTheFileDoesNotSay() throws Exception {
        Path file = GgufBuilder.llama()
                .tensor("token_embd.weight", GgmlType.Q8_0, 256, 64)
                .tensor("output_norm.weight", GgmlType.F32, 256)
                .write(dir, "untyped.gguf");

        assertThat(GgufInfo.read(file).fileType()).isEqualTo("Q8_0");
    }

    @Test
    void namesFileTypesZeroAndOneF32AndF16() throws Exception {
        Path f16 = GgufBuilder.llama().uint32("general.file_type", 1)
                .tensor("output_norm.weight", GgmlType.F32, 8).write(dir, "f16.gguf");

        assertThat(GgufInfo.read(f16).fileType()).isEqualTo("F16");
        assertThat(GgufInfo.fileTypeName(0)).isEqualTo("F32");
    }

    @Test
    void takesTheLargestHeadCountWhenHeadsAreGivenPerLayer() throws Exception {
        Path file = new GgufBuilder()
                .string("general.architecture", "openelm")
                .int32s("openelm.attention.head_count", 12, 16, 20, 16)
                .int32s("openelm.attention.head_count_kv", 3, 4, 5, 4)
                .uint32("openelm.block_count", 4)
                .tensor("output_norm.weight", GgmlType.F32, 8)
                .write(dir, "openelm.gguf");

        GgufInfo info = GgufInfo.read(file);

        assertThat(info.headCount()).isEqualTo(20);
        assertThat(info.headCountKv()).isEqualTo(5);
        assertThat(info.blockCount()).isEqualTo(4);
        assertThat(info.vocabularySize()).isZero();
    }

    @Test
    void readsGgufVersionTwo() throws Exception {
        Path file = GgufBuilder.llama().version(2).float32("llama.rope.freq_base", 10000f)
                .tensor("output_norm.weight", GgmlType.BF16, 64).write(dir, "v2.gguf");

        GgufInfo info = GgufInfo.read(file);

        assertThat(info.version()).isEqualTo(2);
        assertThat(info.tensorDataBytes()).isEqualTo(128);
    }

    @Test
    void serializesTheFileAsAPlainPathStringAndReadsItBack() throws Exception {
        Path file = GgufBuilder.llama().tensor("output_norm.weight", GgmlType.F32, 8).write(dir, "json.gguf");
        GgufInfo info = GgufInfo.read(file);
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(info);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("file").isTextual()).isTrue();
        assertThat(tree.get("file").asText()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(tree.get("architecture").asText()).isEqualTo("llama");
        assertThat(tree.get("parameterCount").asLong()).isEqualTo(8);
        assertThat(mapper.readValue(json, GgufInfo.class)).isEqualTo(info);
    }
}
