package dev.ponder.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;

import dev.ponder.download.DiskSpace;
import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadQueue;
import dev.ponder.download.DownloadState;
import dev.ponder.download.DownloadTask;
import dev.ponder.download.Downloader;
import dev.ponder.download.HubEndpoint;
import dev.ponder.download.RemoteFile;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.models.catalog.CatalogFile;
import dev.ponder.settings.ConfigDirectory;
import dev.ponder.settings.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ponder pull REPO/FILE}: download a model, resumable and verified. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Download a GGUF model from Hugging Face (or HF_ENDPOINT) into the models folder.",
                "Interrupted downloads resume; the file is checked against the host's SHA-256 before it is kept."})
final class PullCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPO/FILE",
            description = "OWNER/REPO/FILE, e.g. bartowski/DeepSeek-R1-Distill-Qwen-14B-GGUF/"
                    + "DeepSeek-R1-Distill-Qwen-14B-Q4_K_M.gguf")
    String name;

    @Option(names = "--revision", paramLabel = "REV", description = "Branch, tag or commit (default: main).")
    String revision;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The hub to download from (default: $HF_ENDPOINT, else " + HubEndpoint.DEFAULT + ").")
    String endpoint;

    @Mixin
    ModelsFolderOption models;

    @Override
    public Integer call() throws Exception {
        RemoteFile file;
        HubEndpoint hub;
        try {
            file = RemoteFile.parse(name, revision);
            hub = HubEndpoint.choose(endpoint, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ponder: " + e.getMessage());
            return PonderCli.BAD_INPUT;
        }
        SettingsStore settings = new SettingsStore(ConfigDirectory.platformDefault());
        Downloader downloader = new Downloader(hub, DiskSpace.fileSystem(), () -> settings.load().offlineMode(),
                Downloader.Options.defaults());
        // A catalogued file at its catalogued revision must match the catalog's checksum too.
        String expected = Catalog.bundled().find(file).filter(f -> f.revision().equals(file.revision()))
                .map(CatalogFile::sha256).orElse(null);
        CtrlC ctrlC = new CtrlC();
        ctrlC.install();
        try (DownloadQueue queue = new DownloadQueue(downloader, models.folder(), 1)) {
            DownloadTask task = queue.enqueue(file, expected);
            ProgressLine line = new ProgressLine(Terminal.system().styled());
            task.addListener(line::show);
            try {
                Path result = ctrlC.whileGenerating(task::cancel, () -> task.result().get());
                line.finish();
                if (task.progress().message() != null) {
                    System.err.println(task.progress().message() + ": " + file);
                }
                System.out.println(result);
                return 0;
            } catch (ExecutionException e) {
                line.finish();
                System.err.println("ponder: " + e.getCause().getMessage());
                return 1;
            } catch (CancellationException e) {
                line.finish();
                System.err.println("ponder: " + task.progress().message());
                return CtrlC.EXIT_INTERRUPTED;
            }
        }
    }

    /** Progress on stderr: one line redrawn on a terminal, a line every ten percent otherwise. */
    private static final class ProgressLine {
        private final boolean redraw;
        private int lastTenth = -1;
        private DownloadState lastState;
        private boolean open;

        ProgressLine(boolean redraw) {
            this.redraw = redraw;
        }

        synchronized void show(DownloadProgress p) {
            if (p.state() != lastState && p.state() != DownloadState.DOWNLOADING && p.state() != DownloadState.QUEUED
                    && !p.state().isFinal()) {
                end();
                System.err.println(p.state().name().toLowerCase(Locale.ROOT) + " " + p.file());
            }
            lastState = p.state();
            if (p.state() != DownloadState.DOWNLOADING || p.totalBytes() <= 0) {
                return;
            }
            int tenth = (int) (p.fraction() * 10);
            if (!redraw && tenth == lastTenth) {
                return;
            }
            lastTenth = tenth;
            String text = String.format(Locale.ROOT, "%5.1f%%  %s of %s  %s/s  %s left", 100 * p.fraction(),
                    InspectCommand.bytes(p.bytesDone()), InspectCommand.bytes(p.totalBytes()),
                    InspectCommand.bytes((long) p.bytesPerSecond()), eta(p.timeLeft()));
            if (redraw) {
                System.err.print("\r\u001b[2K" + text);
                open = true;
            } else {
                System.err.println(text);
            }
        }

        synchronized void finish() {
            end();
        }

        private void end() {
            if (open) {
                System.err.println();
                open = false;
            }
        }

        private static String eta(Duration left) {
            if (left == null) {
                return "--";
            }
            long s = left.toSeconds();
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                    : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
    }
}
