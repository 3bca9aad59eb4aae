package dev.ponder.settings;

/**
 * Where the window was and how it was laid out, restored at the next start. Sizes are in pixels.
 *
 * @param x left edge; NaN to centre the window on the main screen
 * @param y top edge; NaN to centre the window on the main screen
 * @param width NaN for the default {@value #DEFAULT_WIDTH}
 * @param height NaN for the default {@value #DEFAULT_HEIGHT}
 * @param maximized whether the window filled the screen
 * @param sidebarWidth the conversation list's width; NaN for the default {@value #DEFAULT_SIDEBAR_WIDTH}
 * @param thinkingWidth the thinking panel's width; NaN for the default {@value #DEFAULT_THINKING_WIDTH}
 * @param lastConversationId the conversation open at exit, {@code null} for none
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double sidebarWidth,
        double thinkingWidth, Long lastConversationId) {

    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 800;
    public static final double DEFAULT_SIDEBAR_WIDTH = 260;
    public static final double DEFAULT_THINKING_WIDTH = 320;

    /** A centred window of the default size, with nothing open. */
    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT,
            false, DEFAULT_SIDEBAR_WIDTH, DEFAULT_THINKING_WIDTH, null);

    public WindowState {
        width = positiveOrDefault("window width", width, DEFAULT_WIDTH);
        height = positiveOrDefault("window height", height, DEFAULT_HEIGHT);
        sidebarWidth = positiveOrDefault("sidebar width", sidebarWidth, DEFAULT_SIDEBAR_WIDTH);
        thinkingWidth = positiveOrDefault("thinking panel width", thinkingWidth, DEFAULT_THINKING_WIDTH);
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            throw new IllegalArgumentException("the window position must be finite, not " + x + ", " + y);
        }
    }

    /** Whether the window has a remembered position; if not, it is centred. */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    /** The window moved or was resized (while not maximized). */
    public WindowState withBounds(double newX, double newY, double newWidth, double newHeight) {
        return new WindowState(newX, newY, newWidth, newHeight, maximized, sidebarWidth, thinkingWidth,
                lastConversationId);
    }

    public WindowState withMaximized(boolean newMaximized) {
        return new WindowState(x, y, width, height, newMaximized, sidebarWidth, thinkingWidth, lastConversationId);
    }

    public WindowState withSidebarWidth(double newSidebarWidth) {
        return new WindowState(x, y, width, height, maximized, newSidebarWidth, thinkingWidth, lastConversationId);
    }

    public WindowState withThinkingWidth(double newThinkingWidth) {
        return new WindowState(x, y, width, height, maximized, sidebarWidth, newThinkingWidth, lastConversationId);
    }

    public WindowState withLastConversationId(Long newLastConversationId) {
        return new WindowState(x, y, width, height, maximized, sidebarWidth, thinkingWidth, newLastConversationId);
    }

    private static double positiveOrDefault(String what, double value, double fallback) {
        if (Double.isNaN(value)) {
            return fallback;
        }
        if (Double.isInfinite(value) || value <= 0) {
            throw new IllegalArgumentException("the " + what + " must be a positive number of pixels, not " + value);
        }
        return value;
    }
}
