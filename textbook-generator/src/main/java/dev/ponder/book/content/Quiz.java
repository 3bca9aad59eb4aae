package dev.ponder.book.content;

import java.util.List;

/** A chapter's quiz, with its answer key derived from each question's correct option. */
public record Quiz(List<QuizQuestion> questions) {

    public Quiz {
        questions = List.copyOf(questions);
    }
}
