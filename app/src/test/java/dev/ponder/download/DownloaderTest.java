package dev.ponder.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.testing.LocalHub;
import dev.ponder.testing.SharedModel;

/** Downloads of the real test model from a local hub that drops, lies, refuses, crawls and stalls. */
class DownloaderTest {

    private static final String REPO = "ponder-test/stories-GGUF";
    private static final RemoteFile FILE = new RemoteFile(REPO, "stories260K.gguf", null);

    @TempDir
    Path dir;

    private LocalHub hub;
    private Path model;
    private String sha256;
    private long size;
    private Path models;
    private final List<DownloadProgress> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveTheModel() throws Exception {
        model = SharedModel.stories260K();
        size = Files.size(model);
        hub = LocalHub.start();
        sha256 = hub.serve(REPO, "stories260K.gguf", model);
        models = dir.resolve("models");
    }

    @AfterEach
    void stop() {
        if (hub != null) { // null when the test model is missing and the test was skipped
            hub.close();
        }
    }

    private static Downloader.Options fast() {
        return new Downloader.Options(4, Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private DownloadTask download(Downloader downloader) {
        return download(downloader, null);
    }

    private DownloadTask download(Downloader downloader, String expectedSha256) {
        DownloadTask task = new DownloadTask(FILE, expectedSha256);
        task.addListener(seen::add);
        downloader.run(task, models);
        return task;
    }

    private Downloader downloader(DiskSpace disk, Downloader.Options options) {
        return new Downloader(HubEndpoint.of(hub.endpoint()), disk, () -> false, options);
    }

    private Downloader downloader() {
        return downloader(DiskSpace.fileSystem(), fast());
    }

    private List<Path> partFiles() throws Exception {
        try (Stream<Path> files = Files.list(models)) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    private Path partFile() {
        return models.resolve("stories260K.gguf." + sha256.substring(0, 16) + ".part");
    }

    /** The first {@code bytes} of the model, as an earlier, interrupted download would have left them. */
    private void leaveAPart(long bytes) throws Exception {
        Files.createDirectories(models);
        try (var in = Files.newInputStream(model)) {
            Files.write(partFile(), in.readNBytes((int) bytes));
        }
    }

    @Test
    void followsTheHubsRedirectChecksTheSha256AndNamesTheFileOnlyThen() throws Exception {
        DownloadTask task = download(downloader());

        Path result = task.result().get();
        assertThat(result).isEqualTo(models.resolve("stories260K.gguf")).hasSameBinaryContentAs(model);
        assertThat(task.progress().state()).isEqualTo(DownloadState.DONE);
        assertThat(partFiles()).isEmpty();
        assertThat(seen).extracting(DownloadProgress::state).containsSubsequence(DownloadState.QUEUED,
                DownloadState.CONNECTING, DownloadState.DOWNLOADING, DownloadState.VERIFYING, DownloadState.DONE);
        assertThat(seen).filteredOn(p -> p.state() == DownloadState.DOWNLOADING).last()
                .satisfies(p -> assertThat(p.bytesDone()).isEqualTo(size));
        assertThat(hub.requests()).first().asString().startsWith("HEAD /" + REPO + "/resolve/main/stories260K.gguf");
        assertThat(hub.requests()).anyMatch(r -> r.startsWith("GET /cdn/" + sha256));
    }

    @Test
    void takesTheSha256FromTheETagWhenTheHostServesTheFileItself() throws Exception {
        hub.withoutRedirect();

        assertThat(download(downloader()).result().get()).hasSameBinaryContentAs(model);
    }

    @Test
    void aHostThatDoesNotSayTheSizeStillGivesAVerifiedFile() throws Exception {
        hub.hidingTheSize();

        DownloadTask task = download(downloader());

        assertThat(task.result().get()).hasSameBinaryContentAs(model);
        assertThat(seen).filteredOn(p -> p.state() == DownloadState.DOWNLOADING).first()
                .satisfies(p -> assertThat(p.totalBytes()).isEqualTo(-1));
    }

    @Test
    void aConnectionDroppedMidFileIsResumedWithARangeRequest() throws Exception {
        hub.droppingAt(500_000, 1);

        DownloadTask task = download(downloader());

        assertThat(task.result().get()).hasSameBinaryContentAs(model);
        List<String> ranged = hub.requests().stream().filter(r -> r.startsWith("GET /cdn/") && r.contains("bytes="))
                .toList();
        // One resume, from what had reached the part file: the HTTP client may drop the last bytes it held when
        // the connection broke, but never resumes past what the server sent.
        assertThat(ranged).singleElement().satisfies(request -> assertThat(
                Long.parseLong(request.replaceAll(".*bytes=(\\d+)-$", "$1"))).isBetween(1L, 500_000L));
    }

    @Test
    void aPartLeftByAnEarlierRunIsHashedAndContinued() throws Exception {
        leaveAPart(300_000);

        DownloadTask task = download(downloader());

        assertThat(task.result().get()).hasSameBinaryContentAs(model);
        assertThat(hub.requests()).anyMatch(r -> r.endsWith("bytes=300000-"));
        assertThat(seen).extracting(DownloadProgress::state).contains(DownloadState.VERIFYING);
    }

    @Test
    void aWrongSha256RejectsTheFileAndRemovesThePart() {
        hub.advertising("0".repeat(64));

        DownloadTask task = download(downloader());

        assertThatThrownBy(() -> task.result().get()).cause().isInstanceOf(DownloadException.class)
                .hasMessageContaining("has SHA-256 " + sha256)
                .hasMessageContaining("damaged on the way and has been deleted; download it again");
        assertThat(task.progress().state()).isEqualTo(DownloadState.FAILED);
        assertThat(models).isEmptyDirectory();
    }

    @Test
    void aChecksumThatDiffersFromTheCatalogsStopsBeforeAnyByte() {
        DownloadTask task = download(downloader(), "ab".repeat(32));

        assertThatThrownBy(() -> task.result().get()).cause().hasMessageContaining("replaced upstream");
        assertThat(hub.requests()).noneMatch(r -> r.startsWith("GET"));
    }

    @Test
    void aMissingFileSaysWhatToCheck() {
        hub.failingWith(404);

        DownloadTask task = download(downloader());

        assertThatThrownBy(() -> task.result().get()).cause().hasMessage("127.0.0.1 has no file stories260K.gguf in "
                + REPO + " at main: check the names (OWNER/REPO/FILE, case matters)");
        assertThat(hub.requests()).as("a 404 is not retried").hasSize(1);
    }

    @Test
    void aRefusedRangeStartsTheFileOver() throws Exception {
        leaveAPart(300_000);
        hub.failingRangesWith(416);

        DownloadTask task = download(downloader());

        assertThat(task.result().get()).hasSameBinaryContentAs(model);
        assertThat(hub.requests()).filteredOn(r -> r.startsWith("GET /cdn/")).last().asString()
                .doesNotContain("bytes=");
    }

    @Test
    void aServerThatIgnoresRangesSendsTheWholeFileWhichReplacesThePart() throws Exception {
        leaveAPart(300_000);
        hub.ignoringRanges();

        DownloadTask task = download(downloader());

        assertThat(task.result().get()).hasSameBinaryContentAs(model);
    }

    @Test
    void cancelStopsASlowDownloadAtOnceAndKeepsThePartForLater() throws Exception {
        hub.throttledTo(64 << 10);
        DownloadTask task = new DownloadTask(FILE, null);
        task.addListener(seen::add);
        Thread worker = Thread.ofPlatform().start(() -> downloader().run(task, models));
        waitFor(() -> task.progress().state() == DownloadState.DOWNLOADING && task.progress().bytesDone() > 0);

        long start = System.nanoTime();
        task.cancel();
        worker.join(5_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(task.progress().state()).isEqualTo(DownloadState.CANCELLED);
        assertThatThrownBy(() -> task.result().get()).isInstanceOf(CancellationException.class);
        assertThat(partFile()).exists();
        assertThat(Files.size(partFile())).isPositive().isLessThan(size);
        assertThat(models.resolve("stories260K.gguf")).doesNotExist();
    }

    @Test
    void aServerThatGoesSilentIsLeftAndTheDownloadResumes() throws Exception {
        hub.stallingAt(400_000);
        Downloader impatient = downloader(DiskSpace.fileSystem(),
                new Downloader.Options(4, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(5)));

        DownloadTask task = download(impatient);

        assertThat(task.result().get(20, TimeUnit.SECONDS)).hasSameBinaryContentAs(model);
        assertThat(hub.requests()).as("resumed after the silent connection was dropped")
                .anyMatch(r -> r.matches("GET /cdn/.* bytes=\\d+-"));
    }

    @Test
    void tooLittleDiskSpaceStopsTheDownloadBeforeItStarts() throws Exception {
        DownloadTask task = download(downloader(folder -> 1_000_000, fast()));

        assertThatThrownBy(() -> task.result().get()).cause()
                .hasMessageContaining("stories260K.gguf needs 0.00 GB more in " + models)
                .hasMessageContaining("make room there, or choose another models folder (--models-dir)");
        assertThat(hub.requests()).noneMatch(r -> r.startsWith("GET"));
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void offlineModeDownloadsNothingAndOpensNoConnection() {
        Downloader offline = new Downloader(HubEndpoint.of(hub.endpoint()), DiskSpace.fileSystem(), () -> true,
                fast());

        DownloadTask task = download(offline);

        assertThatThrownBy(() -> task.result().get()).cause().hasMessageStartingWith("Ponder is in offline mode");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aHostThatCannotBeReachedIsTriedAgainThenNamed() {
        String endpoint = hub.endpoint();
        hub.close();

        DownloadTask task = download(new Downloader(HubEndpoint.of(endpoint), DiskSpace.fileSystem(), () -> false,
                fast()));

        assertThatThrownBy(() -> task.result().get()).cause().hasMessage("cannot reach " + endpoint
                + " (connection refused): check the network, or the endpoint (--endpoint, HF_ENDPOINT)");
    }

    @Test
    void aFileAlreadyThereIsNotFetchedAgain() throws Exception {
        download(downloader()).result().get();
        int requests = hub.requests().size();

        DownloadTask again = download(downloader());

        assertThat(again.result().get()).hasSameBinaryContentAs(model);
        assertThat(again.progress().message()).isEqualTo("already downloaded");
        assertThat(hub.requests()).hasSize(requests);
    }

    @Test
    void theQueueRunsDownloadsInTurnAndDoesNotQueueOneTwice() throws Exception {
        Path copy = Files.copy(model, dir.resolve("copy.gguf"));
        hub.serve(REPO, "sub/copy.gguf", copy);
        try (DownloadQueue queue = new DownloadQueue(downloader(), models, 1)) {
            List<DownloadTask> added = new CopyOnWriteArrayList<>();
            queue.addListener(added::add);

            DownloadTask first = queue.enqueue(FILE, null);
            DownloadTask second = queue.enqueue(new RemoteFile(REPO, "sub/copy.gguf", null), null);
            DownloadTask again = queue.enqueue(FILE, null);

            assertThat(again).isSameAs(first);
            assertThat(added).containsExactly(first, second);
            assertThat(second.result().get(20, TimeUnit.SECONDS)).isEqualTo(models.resolve("copy.gguf"));
            assertThat(first.result().isDone()).isTrue();
            assertThat(queue.tasks()).extracting(t -> t.progress().state())
                    .containsExactly(DownloadState.DONE, DownloadState.DONE);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void endpointsAndNamesAreCheckedAndEncoded() {
        RemoteFile file = RemoteFile.parse("bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF/sub dir/Q4_K_M.gguf", "main");
        assertThat(HubEndpoint.of("https://hf-mirror.example/").resolve(file).toString())
                .isEqualTo("https://hf-mirror.example/bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF/resolve/main/"
                        + "sub%20dir/Q4_K_M.gguf");
        assertThat(file.fileName()).isEqualTo("Q4_K_M.gguf");
        assertThat(HubEndpoint.choose(null, java.util.Map.of("HF_ENDPOINT", "http://10.0.0.2:8080")).base())
                .hasToString("http://10.0.0.2:8080");
        assertThat(HubEndpoint.choose(null, java.util.Map.of()).base()).hasToString(HubEndpoint.DEFAULT);
        assertThatThrownBy(() -> RemoteFile.parse("bartowski/model.gguf", null))
                .hasMessageContaining("OWNER/REPO/FILE");
        assertThatThrownBy(() -> RemoteFile.parse("a/b/../../etc/passwd", null))
                .hasMessageContaining("OWNER/REPO/FILE");
        assertThatThrownBy(() -> HubEndpoint.of("ftp://example.org")).hasMessageContaining("http(s)");
    }

}
