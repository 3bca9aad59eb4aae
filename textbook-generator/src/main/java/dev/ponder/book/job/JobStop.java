package dev.ponder.book.job;

/**
 * A request to stop a running job. A pause lets the steps in flight finish and commit; a cancel cuts them short and
 * keeps nothing of them. Either way the job resumes at its first unfinished step.
 */
public final class JobStop {

    private volatile boolean paused;
    private volatile boolean cancelled;

    void pause() {
        paused = true;
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Throws {@link JobStopped} when a stop was asked for: called before each step and each attempt. */
    void check() {
        if (cancelled || paused) {
            throw new JobStopped(cancelled);
        }
    }

    /** Throws {@link JobStopped} when a cancel was asked for: a step cut short must not be kept. */
    void checkCancelled() {
        if (cancelled) {
            throw new JobStopped(true);
        }
    }

    /** A job stopped on request; what it finished is kept. */
    public static final class JobStopped extends BookJobException {

        private final boolean cancelled;

        JobStopped(boolean cancelled) {
            super((cancelled ? "Cancelled" : "Paused") + ": finished steps are kept; resume to continue.");
            this.cancelled = cancelled;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }
}
