package dev.ponder.book.content;

import java.util.List;

/**
 * One multiple-choice question: exactly one option is correct.
 *
 * @param correct index of the correct option in {@code options}
 */
public record QuizQuestion(String question, List<String> options, int correct, String explanation) {

    public QuizQuestion {
        options = List.copyOf(options);
    }
}
