package dev.ponder.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Future;

/**
 * One request in flight, as {@link RemoteEngine#cancel()} reaches it: while it waits for a free slot or a retry, while
 * the server has not answered yet, and while its reply streams. Cancelling closes the stream, which ends the request
 * on the server too (llama-server and vLLM stop generating when the connection closes).
 */
final class Call {

    private boolean cancelled;
    private Future<?> pending;
    private InputStream body;

    synchronized void cancel() {
        cancelled = true;
        if (pending != null) {
            pending.cancel(true);
        }
        closeQuietly(body);
        notifyAll();
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** The request is sent and its answer awaited. */
    synchronized void sending(Future<?> answer) {
        pending = answer;
        if (cancelled) {
            answer.cancel(true);
        }
    }

    /** The answer came; its body is read now. */
    synchronized void reading(InputStream stream) {
        pending = null;
        body = stream;
        if (cancelled) {
            closeQuietly(stream);
        }
    }

    /** Waits {@code millis}, or less when cancelled; returns whether the call still stands. */
    synchronized boolean pause(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; !cancelled && left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
        return !cancelled;
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing is how the stream is cut; an error doing so changes nothing.
            }
        }
    }
}
