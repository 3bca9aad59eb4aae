package dev.ponder.download;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * One moment of a download, as a progress bar shows it.
 *
 * @param file           what is downloaded
 * @param state          where it is
 * @param bytesDone      bytes on disk so far, resumed ones included
 * @param totalBytes     the file's size, -1 until the host said
 * @param bytesPerSecond the recent speed, 0 when not downloading
 * @param timeLeft       at the recent speed, or null when it cannot be told
 * @param message        why it failed, or a note ("already downloaded"); null otherwise
 * @param result         the finished file, when DONE
 */
public record DownloadProgress(RemoteFile file, DownloadState state, long bytesDone, long totalBytes,
                               double bytesPerSecond, Duration timeLeft, String message,
                               @JsonSerialize(using = ToStringSerializer.class) Path result) {

    static DownloadProgress queued(RemoteFile file) {
        return new DownloadProgress(file, DownloadState.QUEUED, 0, -1, 0, null, null, null);
    }

    /** The share done, 0 to 1, or -1 while the size is unknown. */
    public double fraction() {
        return totalBytes <= 0 ? -1 : Math.min(1, bytesDone / (double) totalBytes);
    }

    DownloadProgress with(DownloadState newState, String newMessage, Path newResult) {
        boolean moving = newState == DownloadState.DOWNLOADING;
        return new DownloadProgress(file, newState, bytesDone, totalBytes, moving ? bytesPerSecond : 0,
                moving ? timeLeft : null, newMessage, newResult);
    }
}
