package dev.ponder.book.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.book.content.BloomLevel;

class ContentStepsTest {

    @Test
    void conceptsAreCutIntoChaptersInTopologicalOrder() {
        assertThat(PlanStep.assign(List.of(1, 2, 3, 4, 5, 6, 7), 3))
                .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7));
        assertThat(PlanStep.assign(List.of(1, 2), 5)).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void aChapterPlanTagsItsObjectivesWithBloomLevels() {
        String reply = """
                {"title":"Search","summary":"How agents search.","objectives":[
                {"level":"understand","text":"Explain breadth-first search."},
                {"level":"apply","text":"Use A* on a grid."}]}""";
        var plan = PlanStep.parse(reply, 1, List.of(1, 2));
        assertThat(plan.objectives()).extracting(o -> o.level())
                .containsExactly(BloomLevel.UNDERSTAND, BloomLevel.APPLY);
        assertThat(plan.conceptIds()).containsExactly(1, 2);
        assertThat(PlanStep.check(reply.replace("\"understand\"", "\"ponder\"")))
                .anyMatch(p -> p.contains("Bloom level"));
    }

    @Test
    void aChapterIsWrittenOutWithItsHeadingsWhateverTheModelWrote() {
        String reply = """
                {"introduction":"This chapter is about search.","sections":[
                {"heading":"## Breadth first","body":"Expand the frontier level by level."},
                {"heading":"Depth first","body":"Go deep, then back up."}],
                "example":{"problem":"Find a path from A to C.","solution":"A, B, C."},
                "summary":"Search explores states."}""";
        String markdown = ChapterTextStep.markdown(reply);
        assertThat(markdown).contains("## Introduction", "## Breadth first\n", "## Depth first", "## Worked example",
                "**Solution.** A, B, C.", "## Summary");
        assertThat(ChapterTextStep.check(reply.replace("Depth first", "Breadth first")))
                .anyMatch(p -> p.contains("both called"));
    }

    @Test
    void aGlossaryDefinitionMayNotUseItsOwnTermNorRepeatAnother() {
        List<String> terms = List.of("Heuristic", "Agent");
        assertThat(GlossaryStep.check("""
                {"definitions":["An estimate of the cost to reach a goal.","A system that perceives and acts."]}""",
                terms)).isEmpty();
        assertThat(GlossaryStep.check("""
                {"definitions":["A heuristic estimate.","A system that perceives and acts."]}""", terms))
                .anyMatch(p -> p.contains("uses the term itself"));
        assertThat(GlossaryStep.check("""
                {"definitions":["A system that perceives and acts.","A system that perceives and acts."]}""", terms))
                .anyMatch(p -> p.contains("same definition"));
    }
}
