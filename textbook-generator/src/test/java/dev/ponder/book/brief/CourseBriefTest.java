package dev.ponder.book.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CourseBriefTest {

    private static CourseBrief brief(int chapters, int minutes, int conceptTarget) {
        return new CourseBrief("A Course", "", "", "", List.of(), List.of("Explain things"), chapters, minutes, "",
                conceptTarget);
    }

    @Test
    void conceptTargetIsDerivedFromChaptersWithinBounds() {
        assertThat(brief(10, 30, 0).conceptTarget()).isEqualTo(120);
        assertThat(brief(1, 30, 0).conceptTarget()).isEqualTo(20);
        assertThat(brief(40, 30, 0).conceptTarget()).isEqualTo(200);
        assertThat(brief(3, 30, 12).conceptTarget()).isEqualTo(12);
        assertThat(CourseBrief.defaultConceptTarget(7)).isEqualTo(84);
    }

    @Test
    void nullsBecomeEmptyAndTextIsStripped() {
        CourseBrief b = new CourseBrief("  Title  ", null, null, null, null, null, 3, 20, null);
        assertThat(b.title()).isEqualTo("Title");
        assertThat(b.level()).isEmpty();
        assertThat(b.prerequisites()).isEmpty();
        assertThat(b.outcomes()).isEmpty();
        assertThat(b.totalMinutes()).isEqualTo(60);
    }

    @Test
    void invalidValuesAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> new CourseBrief(" ", "", "", "", List.of(), List.of(), 3, 20, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("title is required");
        assertThatThrownBy(() -> brief(0, 20, 0)).hasMessage("chapters must be between 1 and 50, was 0");
        assertThatThrownBy(() -> brief(3, 0, 0)).hasMessageStartingWith("minutesPerChapter must be between 1 and");
        assertThatThrownBy(() -> brief(3, 20, 1000))
                .hasMessageStartingWith("conceptTarget must be between 5 and 300").hasMessageEndingWith("was 1000");
        assertThatThrownBy(() -> new CourseBrief("T", "", "", "", List.of(),
                Arrays.asList("Explain x", " "), 3, 20, "")).hasMessage("outcomes item 2 is empty");
    }

    @Test
    void listsAreImmutableCopies() {
        var outcomes = new java.util.ArrayList<>(List.of("Explain x"));
        CourseBrief b = new CourseBrief("T", "", "", "", List.of(), outcomes, 3, 20, "");
        outcomes.add("Define y");
        assertThat(b.outcomes()).containsExactly("Explain x");
    }
}
