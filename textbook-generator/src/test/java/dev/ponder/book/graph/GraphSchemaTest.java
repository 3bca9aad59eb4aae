package dev.ponder.book.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kherud.llama.LlamaModel;
import dev.ponder.engine.llama.NativeLibrary;

class GraphSchemaTest {

    private static final BatchSpec SPEC = new BatchSpec(Graphs.course().concepts(), 5, Graphs.TAXONOMIES);

    @TempDir
    Path cache;

    @Test
    void theConceptBatchSchemaFixesCountIdsLabelLengthAndTaxonomies() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(GraphSchema.conceptBatch(SPEC));

        JsonNode concepts = schema.at("/properties/concepts");
        assertThat(concepts.get("minItems").asInt()).isEqualTo(5);
        assertThat(concepts.get("maxItems").asInt()).isEqualTo(5);
        JsonNode item = concepts.get("items");
        assertThat(item.at("/properties/id/minimum").asInt()).isEqualTo(11);
        assertThat(item.at("/properties/id/maximum").asInt()).isEqualTo(15);
        assertThat(item.at("/properties/label/maxLength").asInt()).isEqualTo(32);
        assertThat(item.at("/properties/dependencies/items/maximum").asInt()).isEqualTo(14);
        assertThat(item.at("/properties/taxonomy/enum").toString()).isEqualTo("[\"FOUND\",\"ALGO\",\"LEARN\",\"MISC\"]");
        assertThat(item.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(GraphSchema.conceptBatch(SPEC)).doesNotContain("$ref", "oneOf", "anyOf", "allOf");
    }

    @Test
    void theVeryFirstConceptCanOnlyBeFoundational() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(GraphSchema.conceptBatch(new BatchSpec(List.of(), 1, List.of())));

        assertThat(schema.at("/properties/concepts/items/properties/dependencies").toString())
                .isEqualTo("{\"const\":[]}");
        assertThat(schema.at("/properties/concepts/items/properties/taxonomy/pattern").asText())
                .isEqualTo("^[A-Z]{3,5}$");
    }

    @Test
    void theSchemasBecomeLlamaCppGrammars() throws Exception {
        Path dir = NativeLibrary.prepare(cache);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dir.resolve(System.mapLibraryName("jllama"))),
                "SKIPPED LOUDLY: no llama.cpp binding library for this platform");

        String batch = LlamaModel.jsonSchemaToGrammar(GraphSchema.conceptBatch(SPEC));
        assertThat(batch).contains("root ::=", "\"\\\"FOUND\\\"\" | \"\\\"ALGO\\\"\"", "char{1,32}",
                "concepts-item-id ::= (\"1\" [1-5])");
        String taxonomies = LlamaModel.jsonSchemaToGrammar(GraphSchema.taxonomies(3, 12));
        assertThat(taxonomies).contains("root ::=", "[A-Z]", "{3,5}");
        String first = LlamaModel.jsonSchemaToGrammar(GraphSchema.conceptBatch(new BatchSpec(List.of(), 1,
                List.of())));
        // The first concept's dependencies can only be the empty list, not any JSON array.
        assertThat(first).contains("concepts-item-dependencies ::= \"[]\" space").doesNotContain("value ::=");
    }
}
