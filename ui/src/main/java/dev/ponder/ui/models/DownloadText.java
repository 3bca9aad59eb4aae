package dev.ponder.ui.models;

import java.time.Duration;
import java.util.Locale;

import dev.ponder.download.DownloadProgress;

/** The line under a download's progress bar: how far, how fast, how long still; or how it ended and why. */
final class DownloadText {

    private DownloadText() {
    }

    static String of(DownloadProgress progress) {
        return switch (progress.state()) {
            case QUEUED -> "Waiting for the download before it";
            case CONNECTING -> "Connecting…";
            case DOWNLOADING -> moving(progress);
            case VERIFYING -> "Checking the SHA-256…";
            case DONE -> progress.message() == null ? "Done: verified and ready under Local models"
                    : "Done: " + progress.message();
            case FAILED, CANCELLED -> sentence(progress.message() == null ? progress.state().name()
                    : progress.message());
        };
    }

    private static String moving(DownloadProgress progress) {
        StringBuilder line = new StringBuilder(ByteSize.of(progress.bytesDone()));
        if (progress.totalBytes() > 0) {
            line.append(" of ").append(ByteSize.of(progress.totalBytes()));
        }
        if (progress.bytesPerSecond() > 0) {
            line.append(" · ").append(ByteSize.of((long) progress.bytesPerSecond())).append("/s");
        }
        if (progress.timeLeft() != null) {
            line.append(" · ").append(left(progress.timeLeft()));
        }
        return line.toString();
    }

    static String left(Duration left) {
        long seconds = Math.max(1, left.toSeconds());
        if (seconds < 60) {
            return seconds + " s left";
        }
        if (seconds < 3600) {
            return (seconds + 59) / 60 + " min left";
        }
        return String.format(Locale.ROOT, "%d h %02d min left", seconds / 3600, seconds / 60 % 60);
    }

    /** The downloader's messages start in lower case, to follow "failed:" on the command line. */
    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
