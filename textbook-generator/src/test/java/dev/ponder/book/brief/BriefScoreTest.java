package dev.ponder.book.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BriefScoreTest {

    private static CourseBrief with(CourseBrief b, String level, String audience, String description,
                                    List<String> prerequisites, List<String> outcomes) {
        return new CourseBrief(b.title(), level, audience, description, prerequisites, outcomes, b.chapters(),
                b.minutesPerChapter(), b.tone(), b.conceptTarget());
    }

    @Test
    void theSampleBriefScoresAtLeast85() throws Exception {
        BriefScore.Score score = BriefScore.score(BriefFiles.load(Briefs.INTRO_TO_AI));
        System.out.println(score.report());
        assertThat(score.total()).isGreaterThanOrEqualTo(85);
        assertThat(score.goodEnough()).isTrue();
        assertThat(score.part(BriefScore.BLOOM_VERBS).full()).isTrue();
        assertThat(score.part(BriefScore.BLOOM_COVERAGE).full()).isTrue();
    }

    @Test
    void theTinyBriefIsGoodEnough() throws Exception {
        BriefScore.Score score = BriefScore.score(BriefFiles.load(Briefs.tiny()));
        assertThat(score.goodEnough()).as(score.report()).isTrue();
    }

    @Test
    void aCompleteBriefScores100WithNoHints() {
        BriefScore.Score score = BriefScore.score(Briefs.complete());
        assertThat(score.total()).as(score.report()).isEqualTo(100);
        assertThat(score.hints()).isEmpty();
        assertThat(score.parts()).extracting(BriefScore.Part::name).containsExactly("Title", "Level", "Audience",
                "Description", "Prerequisites", "Outcome count", "Bloom verbs", "Bloom coverage", "Chapters",
                "Reading time");
        assertThat(score.parts().stream().mapToInt(BriefScore.Part::max).sum()).isEqualTo(100);
    }

    @Test
    void missingPartsLowerTheScoreWithNamedHints() {
        CourseBrief full = Briefs.complete();
        CourseBrief bare = with(full, "", "", "", List.of(), full.outcomes());
        BriefScore.Score score = BriefScore.score(bare);

        assertThat(score.total()).isEqualTo(100 - 5 - 10 - 15 - 10);
        assertThat(score.goodEnough()).isFalse();
        assertThat(score.part(BriefScore.LEVEL).points()).isZero();
        assertThat(score.part(BriefScore.AUDIENCE).points()).isZero();
        assertThat(score.part(BriefScore.DESCRIPTION).points()).isZero();
        assertThat(score.part(BriefScore.PREREQUISITES).points()).isZero();
        assertThat(score.hints()).anySatisfy(h -> assertThat(h).startsWith("State the level"))
                .anySatisfy(h -> assertThat(h).startsWith("Describe the audience"))
                .anySatisfy(h -> assertThat(h).startsWith("Add a description"))
                .anySatisfy(h -> assertThat(h).startsWith("List the prerequisites"));
    }

    @Test
    void aShortDescriptionAndFewOutcomesFallBelow70() {
        CourseBrief full = Briefs.complete();
        CourseBrief thin = with(full, "", "", Briefs.words(30), List.of(), List.of("Explain graphs", "Learn BFS"));
        BriefScore.Score score = BriefScore.score(thin);

        assertThat(score.goodEnough()).as(score.report()).isFalse();
        assertThat(score.total()).isLessThan(BriefScore.GOOD_ENOUGH);
        assertThat(score.part(BriefScore.DESCRIPTION).points()).isEqualTo(5);
        assertThat(score.part(BriefScore.OUTCOME_COUNT).points()).isEqualTo(4);
        assertThat(score.hints())
                .anySatisfy(h -> assertThat(h).startsWith("Expand the description (30 words) to at least 100"))
                .anySatisfy(h -> assertThat(h).startsWith("Add learning outcomes (2 now): at least 5"));
    }

    @Test
    void anOutcomeWithoutABloomVerbGetsAHint() {
        CourseBrief full = Briefs.complete();
        List<String> outcomes = new java.util.ArrayList<>(full.outcomes());
        outcomes.set(2, "Understand how Dijkstra's algorithm works");
        BriefScore.Score score = BriefScore.score(with(full, full.level(), full.audience(), full.description(),
                full.prerequisites(), outcomes));

        assertThat(score.hints()).contains("Outcome 3 has no Bloom verb ('understand' cannot be observed or tested):"
                + " start it with a verb such as 'explain' or 'implement'");
        assertThat(score.part(BriefScore.BLOOM_VERBS).points()).isEqualTo(17); // 5 of 6 outcomes
        assertThat(score.part(BriefScore.BLOOM_VERBS).comment()).isEqualTo("5 of 6 outcomes start with a Bloom verb");
        // Outcome 3 was the only 'apply' outcome.
        assertThat(score.part(BriefScore.BLOOM_COVERAGE).points()).isEqualTo(8);
        assertThat(score.hints()).anySatisfy(h -> assertThat(h).startsWith("No outcome at the 'apply' level"));
    }

    @Test
    void anOutcomeWhoseVerbIsNotFirstGetsHalfCreditAndAHint() {
        CourseBrief full = Briefs.complete();
        List<String> outcomes = new java.util.ArrayList<>(full.outcomes());
        outcomes.set(0, "Graphs: students define paths and cycles");
        BriefScore.Score score = BriefScore.score(with(full, full.level(), full.audience(), full.description(),
                full.prerequisites(), outcomes));
        assertThat(score.hints()).anySatisfy(h -> assertThat(h).startsWith(
                "Outcome 1 does not start with its Bloom verb: begin it with 'define'"));
        assertThat(score.part(BriefScore.BLOOM_VERBS).points()).isEqualTo(18); // 5.5 of 6
    }

    @Test
    void onlyLowBloomLevelsAreNamedInTheHints() {
        CourseBrief full = Briefs.complete();
        CourseBrief low = with(full, full.level(), full.audience(), full.description(), full.prerequisites(),
                List.of("Define a graph", "List graph types", "Identify a cycle", "Explain BFS", "Describe DFS"));
        BriefScore.Score score = BriefScore.score(low);
        assertThat(score.part(BriefScore.BLOOM_COVERAGE).points()).isEqualTo(3);
        assertThat(score.hints()).filteredOn(h -> h.startsWith("No outcome at the")).hasSize(4)
                .anySatisfy(h -> assertThat(h).isEqualTo("No outcome at the 'create' level: add one starting with a"
                        + " verb such as 'design', 'create' or 'construct'"));
    }

    @Test
    void implausibleLengthsLosePoints() {
        CourseBrief full = Briefs.complete();
        CourseBrief odd = new CourseBrief(full.title(), full.level(), full.audience(), full.description(),
                full.prerequisites(), full.outcomes(), 2, 5, full.tone());
        BriefScore.Score score = BriefScore.score(odd);
        assertThat(score.part(BriefScore.CHAPTERS).points()).isEqualTo(2);
        assertThat(score.part(BriefScore.READING_TIME).points()).isEqualTo(2);
        assertThat(score.hints()).anySatisfy(h -> assertThat(h).startsWith("Plan at least 3 chapters (2 now)"))
                .anySatisfy(h -> assertThat(h).startsWith("Allow at least 10 minutes of reading per chapter (5 now)"));
    }

    @Test
    void noneIsAValidPrerequisite() {
        CourseBrief full = Briefs.complete();
        CourseBrief none = with(full, full.level(), full.audience(), full.description(), List.of("None"),
                full.outcomes());
        assertThat(BriefScore.score(none).part(BriefScore.PREREQUISITES).full()).isTrue();
    }

    @Test
    void theLowestScoreIsStillAtLeast1() {
        CourseBrief empty = new CourseBrief("AI", "", "", "", List.of(), List.of(), 1, 1, "");
        BriefScore.Score score = BriefScore.score(empty);
        assertThat(score.total()).isBetween(1, 100);
        assertThat(score.goodEnough()).isFalse();
        assertThat(score.report()).contains("below 70");
    }
}
