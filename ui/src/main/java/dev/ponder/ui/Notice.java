package dev.ponder.ui;

/**
 * One line a view shows about the last thing the user did: what it came to, or what went wrong and what to do.
 *
 * @param problem whether it reports a failure, which the view shows as one
 */
public record Notice(String text, boolean problem) {

    public static final Notice NONE = new Notice("", false);

    public static Notice info(String text) {
        return new Notice(text, false);
    }

    public static Notice problem(String text) {
        return new Notice(text, true);
    }
}
