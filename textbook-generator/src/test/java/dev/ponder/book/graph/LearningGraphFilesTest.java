package dev.ponder.book.graph;

import static dev.ponder.book.graph.Graphs.c;
import static dev.ponder.book.graph.Graphs.course;
import static dev.ponder.book.graph.Graphs.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LearningGraphFilesTest {

    private static final String AWKWARD = "Sorting, \"Fast\" and Slow";

    @TempDir
    Path dir;

    private static LearningGraph awkward() {
        return plus(course(), c(11, AWKWARD, "ALGO", 5, 6));
    }

    @Test
    void theCsvHasMcCrearysHeaderPipeSeparatedDependenciesAndQuotesWhereNeeded() {
        String csv = LearningGraphFiles.toCsv(awkward());

        assertThat(csv).startsWith("ConceptID,ConceptLabel,Dependencies,TaxonomyID\n"
                + "1,Variables and Types,,FOUND\n2,Control Flow,1,FOUND\n3,Functions,1|2,FOUND\n")
                .endsWith("11,\"Sorting, \"\"Fast\"\" and Slow\",5|6,ALGO\n");
    }

    @Test
    void csvAndJsonWrittenToAFolderReadBackAsTheSameGraphIncludingTaxonomyNames() throws Exception {
        LearningGraphFiles.write(dir, awkward());

        assertThat(LearningGraphFiles.read(dir)).isEqualTo(awkward());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("learning-graph.csv", "learning-graph.json");
        }
    }

    @Test
    void theCsvAloneReadsBackWithTaxonomiesNamedByTheirIds() throws Exception {
        Path csv = dir.resolve("learning-graph.csv");
        LearningGraphFiles.writeCsv(csv, awkward());

        LearningGraph read = LearningGraphFiles.readCsv(csv);

        assertThat(read.concepts()).isEqualTo(awkward().concepts());
        assertThat(read.taxonomies()).extracting(Taxonomy::id).containsExactly("FOUND", "ALGO", "LEARN", "MISC");
        assertThat(read.concept(11)).get().extracting(Concept::label).isEqualTo(AWKWARD);
    }

    @Test
    void theJsonIsVisNetworkNodesAndEdgesFromDependencyToDependentWithAGroupLegend() throws Exception {
        String json = LearningGraphFiles.toJson(awkward());
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(root.get("nodes")).hasSize(11);
        assertThat(root.get("nodes").get(10).toString())
                .isEqualTo("{\"id\":11,\"label\":\"Sorting, \\\"Fast\\\" and Slow\",\"group\":\"ALGO\"}");
        assertThat(root.get("edges").get(0).toString()).isEqualTo("{\"from\":1,\"to\":2}");
        assertThat(root.get("edges")).hasSize(15);
        assertThat(root.get("groups").get("LEARN").get("classifierName").asText()).isEqualTo("Machine Learning");
        assertThat(LearningGraphFiles.parseJson(json, null)).isEqualTo(awkward());
    }

    @Test
    void aCsvWithAByteOrderMarkCrlfLineEndsBlankLinesAndAQuotedLineBreakIsRead() throws Exception {
        String text = "\uFEFFConceptID,ConceptLabel,Dependencies,TaxonomyID\r\n1,Basics,,FOUND\r\n\r\n"
                + "2,\"Two\nLines\",1 | 1,MISC\r\n";

        LearningGraph graph = LearningGraphFiles.parseCsv(text, null);

        assertThat(graph.concepts()).containsExactly(c(1, "Basics", "FOUND"), c(2, "Two\nLines", "MISC", 1, 1));
    }

    @Test
    void aBrokenCsvIsRefusedWithTheFileAndLine() {
        Path file = Path.of("learning-graph.csv");
        String header = "ConceptID,ConceptLabel,Dependencies,TaxonomyID\n";

        assertThatThrownBy(() -> LearningGraphFiles.parseCsv(header + "1,Basics,,FOUND\n2,Sorting, Fast,1,MISC\n",
                file)).isInstanceOf(GraphFileException.class)
                .hasMessage("learning-graph.csv line 3: expected 4 fields, found 5 (quote a label that contains a"
                        + " comma)");
        assertThatThrownBy(() -> LearningGraphFiles.parseCsv(header + "one,Basics,,FOUND\n", file))
                .hasMessage("learning-graph.csv line 2: ConceptID \"one\" is not a whole number");
        assertThatThrownBy(() -> LearningGraphFiles.parseCsv(header + "1,\"Basics,,FOUND\n", file))
                .hasMessage("learning-graph.csv line 2: a quoted field is never closed");
        assertThatThrownBy(() -> LearningGraphFiles.parseCsv("id,label\n", file))
                .hasMessageStartingWith("learning-graph.csv line 1: expected the header");
        assertThat(((GraphFileException) org.assertj.core.api.Assertions.catchThrowable(() ->
                LearningGraphFiles.parseCsv(header + "1,Basics,2|x,FOUND\n", file))).line()).isEqualTo(2);
    }

    @Test
    void rewritingReplacesTheFilesWithoutLeavingTemporaryFiles() throws Exception {
        LearningGraphFiles.write(dir, awkward());
        LearningGraphFiles.write(dir, course());

        assertThat(LearningGraphFiles.read(dir)).isEqualTo(course());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void anEmptyGraphRoundTrips() throws Exception {
        LearningGraph empty = new LearningGraph(List.of(), List.of());
        LearningGraphFiles.write(dir, empty);

        assertThat(Files.readString(dir.resolve("learning-graph.csv")))
                .isEqualTo("ConceptID,ConceptLabel,Dependencies,TaxonomyID\n");
        assertThat(LearningGraphFiles.read(dir)).isEqualTo(empty);
    }
}
