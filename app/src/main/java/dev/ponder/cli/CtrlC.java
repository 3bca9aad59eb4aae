package dev.ponder.cli;

import sun.misc.Signal;

/**
 * Ctrl+C as a chat user expects it: the first press while the model writes stops the reply (the partial message is
 * kept); a press while nothing is generating, or a second press, quits.
 */
final class CtrlC {

    static final int EXIT_INTERRUPTED = 130;

    private volatile Runnable stopGeneration;
    private volatile boolean stopRequested;

    void install() {
        Signal.handle(new Signal("INT"), signal -> pressed());
    }

    /** Runs {@code work} with Ctrl+C bound to {@code stop}. */
    <T, E extends Exception> T whileGenerating(Runnable stop, ThrowingSupplier<T, E> work) throws E {
        stopRequested = false;
        stopGeneration = stop;
        try {
            return work.get();
        } finally {
            stopGeneration = null;
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    private void pressed() {
        Runnable stop = stopGeneration;
        if (stop != null && !stopRequested) {
            stopRequested = true;
            System.err.println();
            System.err.println("(stopping; press Ctrl+C again to quit)");
            stop.run();
            return;
        }
        System.err.println();
        System.exit(EXIT_INTERRUPTED);
    }

    @FunctionalInterface
    interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }
}
