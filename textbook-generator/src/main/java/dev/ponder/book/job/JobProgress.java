package dev.ponder.book.job;

/** What a running book job tells whoever watches it: the CLI prints step names, the window draws them. */
@FunctionalInterface
public interface JobProgress {

    /** A step that had not run from these inputs starts now. */
    void started(String step);

    /** A step committed its product, or failed after all its attempts. */
    default void finished(StepRecord record) {
    }
}
