package dev.ponder.book.graph;

import static dev.ponder.book.graph.Graphs.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.book.graph.GraphReplyParser.Result;

class GraphReplyParserTest {

    /** Concepts 1–11 accepted; the batch asks for 12 and 13. */
    private static final BatchSpec SPEC = new BatchSpec(Graphs.plus(Graphs.course(),
            c(11, "Hash Tables", "ALGO", 4)).concepts(), 2, Graphs.TAXONOMIES);

    private static List<String> errors(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Invalid.class);
        return ((Result.Invalid<?>) result).errors();
    }

    @Test
    void aGoodBatchBecomesConceptsThatMayDependOnEarlierOnesInTheSameBatch() {
        Result<List<Concept>> result = GraphReplyParser.parse("""
                {"concepts":[
                  {"id":12,"label":"Hash Functions","dependencies":[11],"taxonomy":"ALGO"},
                  {"id":13,"label":"Collision Handling","dependencies":[11,12],"taxonomy":"ALGO"}]}""", SPEC);

        assertThat(result.valid()).isTrue();
        assertThat(((Result.Valid<List<Concept>>) result).value()).containsExactly(
                c(12, "Hash Functions", "ALGO", 11), c(13, "Collision Handling", "ALGO", 11, 12));
    }

    @Test
    void theFirstBatchStartsAtOneAndACodeFenceAroundTheJsonIsTolerated() {
        BatchSpec first = new BatchSpec(List.of(), 1, Graphs.TAXONOMIES);

        Result<List<Concept>> result = GraphReplyParser.parse("```json\n{\"concepts\":[{\"id\":1,\"label\":\"Basics\","
                + "\"dependencies\":[],\"taxonomy\":\"FOUND\"}]}\n```", first);

        assertThat(result).isEqualTo(new Result.Valid<>(List.of(c(1, "Basics", "FOUND"))));
    }

    @Test
    void brokenJsonIsRefusedWithAHintThatTheReplyMayHaveBeenCutOff() {
        List<String> errors = errors(GraphReplyParser.parse("{\"concepts\":[{\"id\":12,\"label\":\"Hash", SPEC));

        assertThat(errors).singleElement().asString().startsWith("The reply is not valid JSON (")
                .endsWith("it may have been cut off. Reply with one complete JSON object and nothing else.");
        assertThat(errors(GraphReplyParser.parse("{\"concepts\":[]} and more", SPEC)).getFirst())
                .startsWith("The reply is not valid JSON");
        assertThat(errors(GraphReplyParser.parse("", SPEC))).singleElement().asString().startsWith("The reply is");
        assertThat(errors(GraphReplyParser.parse("[1,2]", SPEC))).containsExactly(
                "The reply must be a JSON object with a \"concepts\" list: {\"concepts\": [...]}.");
        assertThat(errors(GraphReplyParser.parse("{\"concepts\":\"none\"}", SPEC))).containsExactly(
                "\"concepts\" must be a list [...], not string.");
    }

    @Test
    void valuesOfTheWrongTypeAreNamedWithWhatWasExpected() {
        List<String> errors = errors(GraphReplyParser.parse("""
                {"concepts":[
                  {"id":"12","label":5,"dependencies":"3,7","taxonomy":"ALGO"},
                  {"id":13,"label":"Collision Handling","dependencies":[11,"x",2.5],"taxonomy":7},
                  42]}""", SPEC));

        assertThat(errors).containsExactly(
                "The reply has 3 concepts; it must have exactly 2, with ids 12–13.",
                "Item 1 of \"concepts\" needs the whole-number \"id\" 12, not \"12\".",
                "Concept 12 needs a text \"label\", not 5.",
                "Concept 12's \"dependencies\" must be a list of concept ids such as [3, 7], not \"3,7\".",
                "Concept 13's dependencies must be whole-number concept ids; \"x\" is not.",
                "Concept 13's dependencies must be whole-number concept ids; 2.5 is not.",
                "Concept 13 needs a text \"taxonomy\": one of FOUND, ALGO, LEARN, MISC.",
                "Item 3 of \"concepts\" must be an object with \"id\", \"label\", \"dependencies\" and \"taxonomy\".");
    }

    @Test
    void aForwardReferenceIsRefusedWithTheRangeThatMayBeUsed() {
        List<String> errors = errors(GraphReplyParser.parse("""
                {"concepts":[
                  {"id":12,"label":"Hash Functions","dependencies":[11,40,13],"taxonomy":"ALGO"},
                  {"id":13,"label":"Collision Handling","dependencies":[13,12,12],"taxonomy":"ALGO"}]}""", SPEC));

        assertThat(errors).containsExactly(
                "Concept 12 depends on 40, which does not exist yet: depend only on concepts 1–11.",
                "Concept 12 depends on 13, which does not exist yet: depend only on concepts 1–11.",
                "Concept 13 depends on itself: a concept can depend only on concepts before it.",
                "Concept 13 lists dependency 12 more than once.");
    }

    @Test
    void idsOutOfSequenceLabelsBreakingTheRulesAndUnknownTaxonomiesAreRefused() {
        List<String> errors = errors(GraphReplyParser.parse("""
                {"concepts":[
                  {"id":14,"label":"hash tables","dependencies":[],"taxonomy":"HASH"},
                  {"id":13,"label":"Handling Collisions in Open Addressing","dependencies":[],"taxonomy":"ALGO"}]}
                """, SPEC));

        assertThat(errors).containsExactly(
                "The concept with id 14 should have id 12: number the concepts of this batch in order, without gaps.",
                "Concept 12's label \"hash tables\" is not in Title Case (capitalize \"hash\", \"tables\").",
                "Concept 12's label \"hash tables\" is already the label of concept 11: every concept needs its own"
                        + " label.",
                "Concept 12's taxonomy \"HASH\" is not one of FOUND, ALGO, LEARN, MISC.",
                "Concept 13's label \"Handling Collisions in Open Addressing\" is 38 characters long; the limit is 32.");
    }

    @Test
    void theFeedbackForARetryListsEveryErrorAndAsksForTheWholeObjectAgain() {
        Result<List<Concept>> result = GraphReplyParser.parse("{\"concepts\":[]}", SPEC);

        assertThat(((Result.Invalid<List<Concept>>) result).feedback()).isEqualTo("""
                Your reply was not accepted:
                - The reply has 0 concepts; it must have exactly 2, with ids 12–13.
                Reply again with the whole JSON object, corrected.""");
    }

    @Test
    void manyErrorsAreCutShortForTheRetryMessage() {
        StringBuilder reply = new StringBuilder("{\"concepts\":[");
        for (int i = 0; i < 30; i++) {
            reply.append(i == 0 ? "" : ",").append("{\"id\":0}");
        }
        List<String> errors = errors(GraphReplyParser.parse(reply.append("]}").toString(), SPEC));

        assertThat(errors).hasSize(GraphReplyParser.MAX_ERRORS + 1);
        assertThat(errors.getLast()).matches("… and \\d+ more problems of the same kinds\\.");
    }

    @Test
    void aTaxonomyListIsReadAndItsIdsAndNamesChecked() {
        Result<List<Taxonomy>> good = GraphReplyParser.parseTaxonomies("""
                {"taxonomies":[{"id":"FOUND","name":"Foundation Concepts"},{"id":"MISC","name":"Miscellaneous"}]}""",
                2, 12);
        assertThat(good).isEqualTo(new Result.Valid<>(List.of(new Taxonomy("FOUND", "Foundation Concepts"),
                new Taxonomy("MISC", "Miscellaneous"))));

        List<String> errors = errors(GraphReplyParser.parseTaxonomies("""
                {"taxonomies":[{"id":"Found","name":"Foundation Concepts"},{"id":"MISC","name":""},
                               {"id":"MISC","name":"Other"},{"id":"LEARN"}]}""", 5, 12));
        assertThat(errors).containsExactly(
                "The reply has 4 taxonomies; it must have between 5 and 12.",
                "Taxonomy 1 has the id \"Found\": an id must be 3 to 5 uppercase letters, such as FOUND.",
                "Taxonomy 2 (MISC) has an empty name.",
                "Taxonomy 3 repeats the id MISC: every taxonomy needs its own id.",
                "Taxonomy 4 must be an object with a text \"id\" and a text \"name\".");
    }
}
