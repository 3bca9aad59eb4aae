package dev.ponder.book.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.book.job.BookProgress.PartState;

class BookProgressTest {

    private static StepRecord done(String name, String output) {
        return new StepRecord(name, "h", "done", output, "", null, 1, 10, 100, Instant.now());
    }

    private static StepRecord failed(String name) {
        return new StepRecord(name, "h", "failed", null, null, "no good reply", 0, 0, 0, Instant.now());
    }

    private static final List<StepRecord> STEPS = List.of(
            done("plan-01", "{\"title\":\"Cats at Home\",\"summary\":\"s\",\"objectives\":[]}"),
            done("chapter-01-text", "{\"title\":\"Cats at Home\",\"introduction\":\"Cats live with us.\","
                    + "\"sections\":[{\"heading\":\"Sleep\",\"body\":\"Cats sleep a lot.\"}],"
                    + "\"example\":{\"problem\":\"How long?\",\"solution\":\"Long.\"},"
                    + "\"summary\":\"They sleep.\"}"),
            failed("chapter-01-quiz"));

    @Test
    void eachChapterShowsItsTitleAndTheStateOfItsParts() {
        List<BookProgress.ChapterState> chapters = BookProgress.chapters(STEPS, 2);

        assertThat(chapters.get(0).title()).isEqualTo("Cats at Home");
        assertThat(chapters.get(0).part(BookJob.Part.TEXT)).isEqualTo(PartState.DONE);
        assertThat(chapters.get(0).part(BookJob.Part.EXERCISES)).isEqualTo(PartState.WAITING);
        assertThat(chapters.get(0).part(BookJob.Part.QUIZ)).isEqualTo(PartState.FAILED);
        assertThat(chapters.get(1).title()).isEmpty();
    }

    @Test
    void aPreviewHoldsWhatIsWrittenAndNothingForAnUnwrittenChapter() {
        assertThat(BookProgress.preview(STEPS, 1)).hasValueSatisfying(md -> assertThat(md)
                .contains("Cats sleep a lot.").doesNotContain("## Quiz"));
        assertThat(BookProgress.preview(STEPS, 2)).isEmpty();
    }
}
