package dev.ponder.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadState;
import dev.ponder.download.RemoteFile;

/** The line under a download's progress bar. */
class DownloadTextTest {

    private static final RemoteFile FILE = new RemoteFile("owner/repo", "model.gguf", null);

    private static DownloadProgress at(DownloadState state, long done, long total, double speed, Duration left,
                                       String message) {
        return new DownloadProgress(FILE, state, done, total, speed, left, message,
                state == DownloadState.DONE ? Path.of("model.gguf") : null);
    }

    @Test
    void aRunningDownloadSaysHowFarHowFastAndHowLongStill() {
        assertThat(DownloadText.of(at(DownloadState.DOWNLOADING, 1L << 20, 4L << 30, 512 * 1024,
                Duration.ofSeconds(8190), null))).isEqualTo("1.0 MiB of 4.0 GiB · 512 KiB/s · 2 h 16 min left");
    }

    @Test
    void whatIsNotKnownYetIsLeftOut() {
        assertThat(DownloadText.of(at(DownloadState.DOWNLOADING, 300 << 10, -1, 0, null, null)))
                .isEqualTo("300 KiB");
    }

    @Test
    void timeLeftIsRoundedUpToWholeMinutesUnderAnHour() {
        assertThat(DownloadText.left(Duration.ofMillis(400))).isEqualTo("1 s left");
        assertThat(DownloadText.left(Duration.ofSeconds(59))).isEqualTo("59 s left");
        assertThat(DownloadText.left(Duration.ofSeconds(61))).isEqualTo("2 min left");
    }

    @Test
    void anEndedDownloadSaysHowItEnded() {
        assertThat(DownloadText.of(at(DownloadState.DONE, 10, 10, 0, null, null)))
                .isEqualTo("Done: verified and ready under Local models");
        assertThat(DownloadText.of(at(DownloadState.DONE, 10, 10, 0, null, "already downloaded")))
                .isEqualTo("Done: already downloaded");
        assertThat(DownloadText.of(at(DownloadState.FAILED, 0, -1, 0, null, "the host has no file model.gguf")))
                .isEqualTo("The host has no file model.gguf");
        assertThat(DownloadText.of(at(DownloadState.QUEUED, 0, -1, 0, null, null)))
                .isEqualTo("Waiting for the download before it");
    }
}
