package dev.ponder.book.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseFormatterTest {

    @Test
    void numberedExercisesEndTheSolutionAtTheNextNumber() {
        String formatted = ExerciseFormatter.format("""
                1. Add 2 and 2.

                Solution: Steps:

                1. Take 2.
                2. Add 2.

                2. Multiply 3 by 3.

                **Answer**: 9
                """);
        assertThat(formatted).isEqualTo("""
                1. Add 2 and 2.

                ??? success "Solution"
                    Steps:

                    1. Take 2.
                    2. Add 2.

                2. Multiply 3 by 3.

                ??? success "Solution"
                    9

                """);
    }

    @Test
    void leavesExistingBlocksAndProseAlone() {
        String already = """
                ### Exercise 1

                Do it.

                ??? success "Solution"
                    Solution: done.
                """;
        assertThat(ExerciseFormatter.format(already)).isEqualTo(already);
        String prose = "Solutions are hard.\nThe answer is near.\n";
        assertThat(ExerciseFormatter.format(prose)).isEqualTo(prose);
    }

    @Test
    void headingLabelAndNextExercise() {
        assertThat(ExerciseFormatter.format("""
                **Exercise 1.** Why?

                #### Solution

                Because.

                **Exercise 2.** How?
                """)).isEqualTo("""
                **Exercise 1.** Why?

                ??? success "Solution"
                    Because.

                **Exercise 2.** How?
                """);
    }
}
