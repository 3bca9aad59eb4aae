package dev.ponder.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file from the hub into a folder, the way a dropped connection or a closed laptop cannot spoil: the
 * bytes go to a {@code .part} file named after the file's SHA-256, a new attempt continues it with an HTTP range
 * request, the SHA-256 the host published is checked over the whole file, and only a verified file gets its real
 * name. Free disk space is checked before the first byte. This package is the only code in Ponder that opens a
 * network connection, and only when the user asked for a download and offline mode is off.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final int MAX_REDIRECTS = 8;

    /**
     * @param attempts     tries in a row that may fail without a byte of progress before the download fails
     * @param retryDelay   the wait before the second try; it doubles each time after
     * @param stallTimeout a connection that brings nothing for this long is dropped and tried again
     */
    public record Options(int attempts, Duration retryDelay, Duration stallTimeout, Duration connectTimeout) {

        public static Options defaults() {
            return new Options(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30));
        }
    }

    private final HubEndpoint endpoint;
    private final HttpClient http;
    private final DiskSpace diskSpace;
    private final BooleanSupplier offline;
    private final Options options;

    /**
     * @param offline read before every download: offline mode forbids even those
     */
    public Downloader(HubEndpoint endpoint, DiskSpace diskSpace, BooleanSupplier offline, Options options) {
        this.endpoint = endpoint;
        this.diskSpace = diskSpace;
        this.offline = offline;
        this.options = options;
        // Redirects are followed by hand: the hub's answer to the first request carries the file's checksum.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout()).build();
    }

    public HubEndpoint endpoint() {
        return endpoint;
    }

    /** Runs {@code task} to its end on this thread: DONE, FAILED or CANCELLED; never throws. */
    void run(DownloadTask task, Path folder) {
        if (!task.start()) {
            task.cancelledNow();
            return;
        }
        try {
            download(task, folder);
        } catch (CancellationException e) {
            task.cancelledNow();
        } catch (DownloadException e) {
            if (task.cancelled()) {
                task.cancelledNow();
            } else {
                LOG.debug("download of {} failed", task.file(), e);
                task.failed(e);
            }
        } finally {
            task.finish();
        }
    }

    private void download(DownloadTask task, Path folder) throws DownloadException {
        RemoteFile file = task.file();
        if (offline.getAsBoolean()) {
            throw new DownloadException("Ponder is in offline mode, so it downloads nothing: turn offline mode off in"
                    + " Settings to download " + file);
        }
        Path target = folder.resolve(file.fileName());
        if (Files.exists(target)) {
            task.done(target, "already downloaded");
            return;
        }
        createFolder(folder);
        URI url = endpoint.resolve(file);
        task.state(DownloadState.CONNECTING, 0, -1);
        FileMetadata metadata = retrying(task, () -> metadata(url, file));
        String sha256 = checksum(task, metadata, file);
        Path part = folder.resolve(file.fileName() + "." + sha256.substring(0, 16) + ".part");
        removeStaleParts(folder, file.fileName(), part);
        checkDiskSpace(folder, metadata.size() - existingBytes(part), file);
        Transfer transfer = Transfer.open(part, task, metadata.size());
        try (transfer) {
            int failures = 0;
            while (!transfer.complete()) {
                cancelPoint(task);
                long before = transfer.written;
                try {
                    fetch(url, file, transfer, task);
                    if (!transfer.complete()) {
                        throw new IOException("the connection ended at byte " + transfer.written + " of "
                                + transfer.total);
                    }
                } catch (IOException e) {
                    cancelPoint(task);
                    if (e instanceof DownloadException fatal) {
                        throw fatal;
                    }
                    failures = transfer.written > before ? 1 : failures + 1;
                    if (failures >= options.attempts()) {
                        throw new DownloadException("the download of " + file + " failed " + failures
                                + " times in a row (" + reason(e) + "): check the network and run it again;"
                                + " it resumes at byte " + transfer.written, e);
                    }
                    LOG.info("download of {} interrupted at byte {} ({}); resuming", file, transfer.written,
                            reason(e));
                    pause(task, failures);
                }
            }
            task.state(DownloadState.VERIFYING, transfer.written, transfer.total);
            transfer.verify(sha256, file);
        }
        moveIntoPlace(part, target);
        task.done(target, null);
    }

    /** The file's checksum: the host's, which must agree with the catalog's when the catalog has one. */
    private static String checksum(DownloadTask task, FileMetadata metadata, RemoteFile file)
            throws DownloadException {
        String expected = task.expectedSha256() == null ? null : task.expectedSha256().toLowerCase(Locale.ROOT);
        if (metadata.sha256() == null) {
            throw new DownloadException("the host published no SHA-256 for " + file + ", so Ponder could not check"
                    + " the download and did not start it; download the file yourself and import it if you trust"
                    + " the source");
        }
        if (expected != null && !expected.equals(metadata.sha256())) {
            throw new DownloadException("the host's " + file + " has SHA-256 " + metadata.sha256() + ", not the "
                    + expected + " Ponder's catalog lists: the file was replaced upstream; pull it by name to take the"
                    + " new one");
        }
        return metadata.sha256();
    }

    private FileMetadata metadata(URI url, RemoteFile file) throws IOException {
        URI current = url;
        String sha256 = null;
        long size = -1;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = send(HttpRequest.newBuilder(current)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "identity")
                    .timeout(options.connectTimeout()).build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean redirect = status >= 300 && status < 400;
            sha256 = sha256 != null ? sha256 : FileMetadata.sha256(response.headers()).orElse(null);
            size = size >= 0 ? size : FileMetadata.size(response.headers(), redirect);
            if (redirect) {
                current = next(current, response, file);
            } else if (status == 200) {
                return new FileMetadata(sha256, size);
            } else {
                throw statusError(status, file);
            }
        }
        throw new DownloadException("the host sent " + file + " through more than " + MAX_REDIRECTS
                + " redirects: check the endpoint");
    }

    /** One GET from where {@code transfer} stands, following redirects, appending to the part file. */
    private void fetch(URI url, RemoteFile file, Transfer transfer, DownloadTask task) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().header("Accept-Encoding", "identity");
            if (transfer.written > 0) {
                request.header("Range", "bytes=" + transfer.written + "-");
            }
            HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                response.body().close();
                current = next(current, response, file);
                continue;
            }
            try (InputStream body = response.body()) {
                task.streamOpened(body);
                switch (status) {
                    case 206 -> transfer.resumeAt(contentRangeStart(response));
                    case 200 -> transfer.restart(); // the server ignored the range: all bytes come again
                    case 416 -> {
                        // Nothing after our bytes: either the part is whole, or it is longer than the file now is.
                        transfer.rangeRefused();
                        return;
                    }
                    default -> throw statusError(status, file);
                }
                task.state(DownloadState.DOWNLOADING, transfer.written, transfer.total);
                copy(body, transfer, task);
                transfer.endOfBody();
            } finally {
                task.closeStream();
            }
            return;
        }
        throw new DownloadException("the host sent " + file + " through more than " + MAX_REDIRECTS
                + " redirects: check the endpoint");
    }

    private void copy(InputStream body, Transfer transfer, DownloadTask task) throws IOException {
        Watchdog watchdog = Watchdog.start(task, options.stallTimeout());
        byte[] buffer = null;
        try {
            buffer = transfer.hasher.buffer();
            for (int n; (n = fill(body, buffer)) > 0; ) {
                watchdog.progress();
                transfer.write(buffer, n);
                // The hasher owns the buffer now, and gives it back when it is hashed.
                byte[] written = buffer;
                buffer = null;
                transfer.hasher.hash(written, n);
                task.bytes(transfer.written, transfer.total);
                if (transfer.overrun()) {
                    throw new IOException("the server sent more than the " + transfer.total + " bytes it announced");
                }
                buffer = transfer.hasher.buffer();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            watchdog.stop();
            if (buffer != null) {
                transfer.hasher.giveBack(buffer);
            }
        }
    }

    /**
     * Reads what has arrived, up to a buffer: one read at least, more while bytes are waiting. Bytes read before the
     * connection broke are kept; the break shows on the next call.
     */
    private static int fill(InputStream body, byte[] buffer) throws IOException {
        int n = body.read(buffer, 0, buffer.length);
        try {
            while (n > 0 && n < buffer.length && body.available() > 0) {
                int more = body.read(buffer, n, buffer.length - n);
                if (more <= 0) {
                    break;
                }
                n += more;
            }
        } catch (IOException e) {
            LOG.debug("the connection broke after {} more bytes", n, e);
        }
        return n;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static URI next(URI current, HttpResponse<?> response, RemoteFile file) throws DownloadException {
        String location = response.headers().firstValue("location").orElseThrow(() -> new DownloadException(
                "the host redirected the download of " + file + " without saying where to"));
        return current.resolve(location);
    }

    private static long contentRangeStart(HttpResponse<?> response) throws IOException {
        String range = response.headers().firstValue("content-range").orElse("");
        // "bytes 100-199/200"
        try {
            return Long.parseLong(range.substring(range.indexOf(' ') + 1, range.indexOf('-')));
        } catch (RuntimeException e) {
            throw new IOException("the server answered a range request without a valid Content-Range: " + range);
        }
    }

    private IOException statusError(int status, RemoteFile file) {
        String host = endpoint.base().getHost();
        return switch (status) {
            case 404 -> new DownloadException(host + " has no file " + file.path() + " in " + file.repo() + " at "
                    + file.revision() + ": check the names (OWNER/REPO/FILE, case matters)");
            case 401, 403 -> new DownloadException(host + " refused " + file + " (HTTP " + status + "): the"
                    + " repository is private or gated, which needs a login Ponder does not have; download it in a"
                    + " browser and import it");
            default -> new RetryableStatus(status, file, host);
        };
    }

    /** A status worth another try (5xx, 429): the loops retry IOExceptions that are not DownloadExceptions. */
    private static final class RetryableStatus extends IOException {
        RetryableStatus(int status, RemoteFile file, String host) {
            super(host + " answered HTTP " + status + " for " + file);
        }
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    /** The metadata request, tried again like the transfer when the network fails. */
    private <T> T retrying(DownloadTask task, Call<T> call) throws DownloadException {
        for (int failures = 1; ; failures++) {
            cancelPoint(task);
            try {
                return call.call();
            } catch (IOException e) {
                cancelPoint(task);
                if (e instanceof DownloadException fatal) {
                    throw fatal;
                }
                if (failures >= options.attempts()) {
                    throw new DownloadException("cannot reach " + endpoint.base() + " (" + reason(e) + "):"
                            + " check the network, or the endpoint (--endpoint, HF_ENDPOINT)", e);
                }
                pause(task, failures);
            }
        }
    }

    private void pause(DownloadTask task, int failures) {
        long millis = options.retryDelay().toMillis() << Math.min(failures - 1, 5);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            cancelPoint(task);
            Thread.currentThread().interrupt();
        }
    }

    private static void cancelPoint(DownloadTask task) {
        if (task.cancelled()) {
            throw new CancellationException();
        }
    }

    private void checkDiskSpace(Path folder, long needed, RemoteFile file) throws DownloadException {
        if (needed <= 0) {
            return;
        }
        long free;
        try {
            free = diskSpace.usableBytes(folder);
        } catch (IOException e) {
            LOG.debug("free space of {} unknown", folder, e);
            return;
        }
        if (free < needed) {
            throw new DownloadException(file.fileName() + " needs " + gigabytes(needed) + " more in " + folder
                    + ", which has " + gigabytes(free) + " free: make room there, or choose another models folder"
                    + " (--models-dir)");
        }
    }

    private static long existingBytes(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void createFolder(Path folder) throws DownloadException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DownloadException("cannot create the models folder " + folder + " (" + e + "): choose another"
                    + " one (--models-dir)", e);
        }
    }

    /** Parts of the same file name for another checksum are an older upload's: they can never be resumed. */
    private static void removeStaleParts(Path folder, String fileName, Path keep) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, fileName + ".*.part")) {
            for (Path part : parts) {
                if (!part.equals(keep)) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not tidy old parts of {}", fileName, e);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws DownloadException {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
        } catch (IOException e) {
            throw new DownloadException("the verified download could not be named " + target + " (" + e + "): it is"
                    + " kept as " + part, e);
        }
    }

    /** What went wrong, in words: the JDK's connection errors often carry no message of their own. */
    private static String reason(IOException e) {
        String message = e.getMessage();
        String kind = switch (e) {
            case HttpConnectTimeoutException t -> "the connection timed out";
            case ConnectException c -> "connection refused";
            default -> e.getClass().getSimpleName();
        };
        return message == null || message.isBlank() ? kind : message;
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** The part file and the running SHA-256 of what it holds; the two always cover the same bytes. */
    private static final class Transfer implements AutoCloseable {
        final Path part;
        final FileChannel channel;
        final DownloadTask task;
        long total;
        final Hasher hasher = new Hasher();
        long written;

        private Transfer(Path part, FileChannel channel, DownloadTask task, long total) {
            this.part = part;
            this.channel = channel;
            this.task = task;
            this.total = total;
        }

        /** Opens the part file and hashes what an earlier attempt left in it. */
        static Transfer open(Path part, DownloadTask task, long total) throws DownloadException {
            FileChannel channel;
            try {
                channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new DownloadException("cannot write " + part + " (" + e + "): check the models folder's"
                        + " permissions, or choose another (--models-dir)", e);
            }
            Transfer transfer = new Transfer(part, channel, task, total);
            try {
                long existing = channel.size();
                if (total >= 0 && existing > total) {
                    existing = 0;
                }
                transfer.truncate(existing);
                if (existing > 0) {
                    task.state(DownloadState.VERIFYING, 0, total);
                    transfer.hashExisting(existing);
                }
            } catch (IOException e) {
                transfer.close();
                throw new DownloadException("cannot read " + part + " (" + e + ")", e);
            } catch (InterruptedException | CancellationException e) {
                transfer.close();
                throw new CancellationException();
            }
            return transfer;
        }

        private void hashExisting(long existing) throws IOException, InterruptedException {
            ByteBuffer buffer = ByteBuffer.allocate(Hasher.BUFFER);
            for (long at = 0; at < existing; ) {
                cancelPoint(task);
                buffer.clear().limit((int) Math.min(Hasher.BUFFER, existing - at));
                int n = channel.read(buffer, at);
                if (n < 0) {
                    break;
                }
                hasher.hashNow(buffer.flip());
                at += n;
            }
            written = existing;
        }

        boolean complete() {
            return total >= 0 && written == total;
        }

        /** A body ended without error: when the host never said the size, this is where the file ends. */
        void endOfBody() {
            if (total < 0) {
                total = written;
            }
        }

        boolean overrun() {
            return total >= 0 && written > total;
        }

        /** Writes bytes at the end of the part; the caller hands them to the hasher next. */
        void write(byte[] bytes, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer, written + buffer.position());
            }
            written += length;
        }

        void resumeAt(long start) throws IOException {
            if (start != written) {
                throw new IOException("the server resumed at byte " + start + " instead of " + written);
            }
        }

        void restart() throws IOException {
            truncate(0);
        }

        /** A 416: the part is whole (it ends where the file does) or wrong (it must start over). */
        void rangeRefused() throws IOException {
            if (total < 0 || written != total) {
                truncate(0);
            }
        }

        private void truncate(long size) throws IOException {
            try {
                hasher.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            channel.truncate(size);
            written = size;
        }

        void verify(String expected, RemoteFile file) throws DownloadException {
            String actual;
            try {
                actual = hasher.hex();
            } catch (InterruptedException e) {
                throw new CancellationException();
            }
            if (!actual.equals(expected)) {
                close();
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.warn("could not delete the damaged {}", part, e);
                }
                throw new DownloadException("the downloaded " + file.fileName() + " has SHA-256 " + actual
                        + ", but the host published " + expected + ": the file was damaged on the way and has been"
                        + " deleted; download it again");
            }
            try {
                channel.force(true);
            } catch (IOException e) {
                throw new DownloadException("cannot save " + part + " to disk (" + e + ")", e);
            }
        }

        @Override
        public void close() {
            hasher.close();
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}", part, e);
            }
        }
    }
}
