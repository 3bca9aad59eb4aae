package dev.ponder.ui.chat;

import java.time.Duration;
import java.util.Locale;

import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;

/** The words the transcript shows around a reply: the thinking header and the status line. */
final class MessageLabels {

    private MessageLabels() {
    }

    static String thinkingLive(Duration elapsed, int tokens) {
        return String.format(Locale.ROOT, "Thinking… %d s · %d tokens", elapsed.toSeconds(), tokens);
    }

    static String thought(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "Thought for %.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "Thought for %d s", Math.round(millis / 1000.0));
    }

    /** The header of a stored reply's thinking, or null when it did not think. */
    static String thinkingHeader(Message message) {
        if (message.thinking().isEmpty() && message.thinkingMillis() == null) {
            return null;
        }
        if (message.thinkingMillis() != null) {
            return thought(message.thinkingMillis());
        }
        return message.thinkingClosed() ? "Thought" : "Thinking stopped before it finished";
    }

    /** The line under a stored reply, or null when it completed. */
    static String status(Message message) {
        if (message.status() == MessageStatus.COMPLETE || message.status() == MessageStatus.STREAMING) {
            return null;
        }
        if (message.error() != null) {
            return message.error();
        }
        return message.status() == MessageStatus.INCOMPLETE ? "Stopped — the partial answer is kept"
                : "The reply failed";
    }
}
