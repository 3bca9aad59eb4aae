package dev.ponder.ui.transcript;

/** What the user asked for from a message's action row or branch switcher. */
@FunctionalInterface
public interface TranscriptAction {

    enum Kind { COPY, EDIT, REGENERATE, BRANCH_PREVIOUS, BRANCH_NEXT }

    void perform(Kind kind, long messageId);
}
