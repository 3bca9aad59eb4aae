package dev.ponder.book.job;

import java.time.Instant;

import dev.ponder.engine.EngineException;

/**
 * Runs each step of a job at most once for the same inputs: a step that finished from the same inputs hash returns
 * its stored product at once; otherwise it runs, and its product is committed before the next step starts.
 */
public final class StepRunner {

    /**
     * One step's work: a call to the model, checked. {@code round} counts the step's earlier failures, so that a step
     * whose replies were all rejected samples differently when the job is resumed, instead of failing the same way;
     * a step cut short by a kill runs again as it would have (same round), and a seeded book comes out the same.
     */
    @FunctionalInterface
    public interface Work {
        ModelCalls.Result run(int round) throws EngineException, ModelCalls.RepliesRejected;
    }

    private final JobStore store;
    private final JobProgress progress;
    private final JobStop stop;

    public StepRunner(JobStore store, JobProgress progress) {
        this(store, progress, new JobStop());
    }

    StepRunner(JobStore store, JobProgress progress, JobStop stop) {
        this.store = store;
        this.progress = progress;
        this.stop = stop;
    }

    /** The step's product: stored if it already ran from these inputs, else made now and stored. */
    public String run(String name, String inputHash, Work work) {
        var done = store.doneWith(name, inputHash);
        if (done.isPresent()) {
            return done.get().output();
        }
        stop.check();
        progress.started(name);
        int round = store.failures(name);
        store.started(name);
        try {
            ModelCalls.Result result = work.run(round);
            // A cancelled generation ends early: what it wrote is not the step's product.
            stop.checkCancelled();
            return save(new StepRecord(name, inputHash, "done", result.text(), result.thinking(), null,
                    result.attempts(), result.tokens(), result.millis(), Instant.now())).output();
        } catch (ModelCalls.RepliesRejected e) {
            stop.checkCancelled();
            save(new StepRecord(name, inputHash, "failed", null, null, e.getMessage(), 0, 0, 0, Instant.now()));
            throw new BookJobException("step " + name + " failed: " + e.getMessage().replaceAll("\\.+$", "")
                    + ". Try a larger model, or run ponder book resume to try again.", e);
        } catch (EngineException e) {
            stop.checkCancelled();
            throw new BookJobException("step " + name + " stopped: " + e.getMessage()
                    + " Finished steps are kept: run ponder book resume.", e);
        }
    }

    private StepRecord save(StepRecord record) {
        store.save(record);
        progress.finished(record);
        return record;
    }
}
