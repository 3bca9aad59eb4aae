package dev.ponder.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.download.DiskSpace;
import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadQueue;
import dev.ponder.download.DownloadState;
import dev.ponder.download.Downloader;
import dev.ponder.download.HubEndpoint;
import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.Memory;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.models.catalog.CatalogEntry;
import dev.ponder.models.fit.Verdict;
import dev.ponder.testing.LocalHub;
import dev.ponder.testing.SharedModel;
import dev.ponder.ui.Background;
import dev.ponder.ui.Notice;
import dev.ponder.ui.testing.Fx;

/** The Models view's logic against a local hub: cancel and resume, offline mode, bad names, a CPU-only machine. */
class ModelsViewModelTest {

    private static final String REPO = "ponder-test/stories-GGUF";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LocalHub hub;
    private Background background;
    private DownloadQueue queue;
    private ModelsViewModel model;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    /** A laptop without a GPU: 4 cores, 8 GiB free. */
    private static Hardware laptop(Path folder) {
        return new Hardware(new Cpu("Test laptop CPU", "amd64", 4, 8, List.of("AVX2")),
                new Memory(16L << 30, 8L << 30, 20e9), new Disk(folder, 100L << 30), List.of());
    }

    @BeforeEach
    void open() {
        Path stories = SharedModel.stories260K(); // first: without the model the test skips before anything starts
        hub = LocalHub.start();
        hub.serve(REPO, "stories260K.gguf", stories);
        background = new Background();
        queue = new DownloadQueue(new Downloader(HubEndpoint.of(hub.endpoint()), DiskSpace.fileSystem(), () -> false,
                Downloader.Options.defaults()), dir.resolve("models"), 1);
        model = new ModelsViewModel(Catalog.bundled(), ModelsViewModelTest::laptop, queue, background, () -> 4096,
                file -> { });
    }

    @AfterEach
    void close() {
        if (queue == null) {
            return; // skipped
        }
        queue.close();
        background.close();
        hub.close();
    }

    private DownloadProgress progress() {
        return model.downloads().getLast().progressProperty().get();
    }

    @Test
    void aCancelledDownloadIsTriedAgainAndResumesWhereItStopped() throws Exception {
        hub.throttledTo(64 * 1024);
        Fx.run(() -> model.download(REPO + "/stories260K.gguf"));
        Fx.await(TIMEOUT, () -> progress().state() == DownloadState.DOWNLOADING
                && progress().bytesDone() > 64 * 1024);
        DownloadRow first = Fx.call(() -> model.downloads().getFirst());
        Fx.run(first::cancel);
        Fx.await(TIMEOUT, first::ended);
        assertThat(Fx.call(first::text)).isEqualTo("Cancelled; downloading it again resumes where it stopped");

        hub.throttledTo(0);
        Fx.run(() -> model.retry(first));
        Fx.await(TIMEOUT, () -> progress().state().isFinal());
        assertThat(progress().state()).as(progress().message()).isEqualTo(DownloadState.DONE);
        assertThat(Fx.call(() -> model.downloads())).doesNotContain(first).hasSize(1);
        assertThat(hub.requests()).anyMatch(request -> request.matches("GET /cdn/\\w+ bytes=[1-9]\\d*-"));
        Fx.await(TIMEOUT, () -> model.localModels().size() == 1);
        assertThat(Fx.call(() -> model.localModels().getFirst().file())).isEqualTo(dir.resolve("models")
                .resolve("stories260K.gguf"));
    }

    @Test
    void offlineModeQueuesNothingAndSaysHowToDownload() throws Exception {
        Notice notice = Fx.call(() -> {
            model.offlineProperty().set(true);
            model.download(REPO + "/stories260K.gguf");
            return model.noticeProperty().get();
        });
        assertThat(notice.problem()).isTrue();
        assertThat(notice.text()).startsWith("Offline mode is on").contains("Settings").contains("stories260K.gguf");
        assertThat(queue.tasks()).isEmpty();
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aNameThatIsNoFileSaysHowToWriteOne() throws Exception {
        Notice notice = Fx.call(() -> {
            model.download("stories260K.gguf");
            return model.noticeProperty().get();
        });
        assertThat(notice.problem()).isTrue();
        assertThat(notice.text()).contains("OWNER/REPO/FILE");
        assertThat(queue.tasks()).isEmpty();
    }

    @Test
    void aFileTheHostLacksFailsWithTheReason() throws Exception {
        Fx.run(() -> model.download(REPO + "/missing.gguf"));
        Fx.await(TIMEOUT, () -> progress().state().isFinal());
        assertThat(progress().state()).isEqualTo(DownloadState.FAILED);
        assertThat(Fx.call(() -> model.downloads().getFirst().text())).contains("has no file missing.gguf");
    }

    @Test
    void withoutAGpuTheSmallModelsRunOnTheCpuAtAnEstimatedSpeed() throws Exception {
        Fx.run(model::shown);
        Fx.await(TIMEOUT, () -> !model.catalog().isEmpty());
        CatalogEntry smallest = Fx.call(() -> model.catalog().getFirst());
        assertThat(smallest.plan().verdict()).isEqualTo(Verdict.CPU_ONLY);
        assertThat(FitBadge.of(smallest.plan()).text()).matches("CPU only, ~\\d+(\\.\\d)? tok/s");
        assertThat(Fx.call(() -> model.plannedContextProperty().get())).isEqualTo(4096);
        assertThat(Fx.call(() -> model.hardwareProperty().get().gpus())).isEmpty();
    }
}
