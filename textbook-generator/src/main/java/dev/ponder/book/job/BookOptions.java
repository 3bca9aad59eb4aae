package dev.ponder.book.job;

import dev.ponder.engine.Sampling;
import dev.ponder.reasoning.ReasoningMarkers;

/**
 * How a book is written: retries per step, sizes of the parts, sampling, and the model's thinking markers.
 *
 * @param seed -1 for random sampling; otherwise each step gets its own seed derived from it, so a run repeats
 * @param overwriteHandEdits whether the site writer replaces pages edited by hand; otherwise it keeps them
 */
public record BookOptions(int maxAttempts, int conceptBatch, int sectionsPerChapter, int exercisesPerChapter,
                          int questionsPerQuiz, int glossaryBatch, double temperature, long seed,
                          ReasoningMarkers markers, boolean ignoreBriefScore, boolean overwriteHandEdits) {

    public static BookOptions defaults() {
        return new BookOptions(3, 10, 3, 3, 4, 10, Sampling.R1_TEMPERATURE, -1, ReasoningMarkers.DEFAULT, false,
                false);
    }

    public BookOptions withSeed(long newSeed) {
        return new BookOptions(maxAttempts, conceptBatch, sectionsPerChapter, exercisesPerChapter, questionsPerQuiz,
                glossaryBatch, temperature, newSeed, markers, ignoreBriefScore, overwriteHandEdits);
    }

    public BookOptions withMarkers(ReasoningMarkers newMarkers) {
        return new BookOptions(maxAttempts, conceptBatch, sectionsPerChapter, exercisesPerChapter, questionsPerQuiz,
                glossaryBatch, temperature, seed, newMarkers, ignoreBriefScore, overwriteHandEdits);
    }

    public BookOptions ignoringBriefScore(boolean ignore) {
        return new BookOptions(maxAttempts, conceptBatch, sectionsPerChapter, exercisesPerChapter, questionsPerQuiz,
                glossaryBatch, temperature, seed, markers, ignore, overwriteHandEdits);
    }

    /** Whether pages the professor edited by hand are replaced (otherwise they are kept and reported). */
    public BookOptions overwritingHandEdits(boolean overwrite) {
        return new BookOptions(maxAttempts, conceptBatch, sectionsPerChapter, exercisesPerChapter, questionsPerQuiz,
                glossaryBatch, temperature, seed, markers, ignoreBriefScore, overwrite);
    }

    /**
     * Sampling for one step: a step's own seed, so that one step's retries do not change another's reply, and a new
     * one each {@code round} the step is started again.
     */
    Sampling sampling(int maxTokens, String step, int round) {
        long stepSeed = seed < 0 ? -1
                : Math.floorMod(seed * 31 + step.hashCode() + 1_000L * round, Integer.MAX_VALUE);
        return new Sampling(temperature, Sampling.R1_TOP_P, 40, 0.0, maxTokens, stepSeed);
    }
}
