package dev.ponder.book.job;

import java.time.Instant;
import java.util.function.Consumer;

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
    private final Consumer<String> progress;

    public StepRunner(JobStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** The step's product: stored if it already ran from these inputs, else made now and stored. */
    public String run(String name, String inputHash, Work work) {
        var done = store.doneWith(name, inputHash);
        if (done.isPresent()) {
            return done.get().output();
        }
        progress.accept(name);
        int round = store.failures(name);
        store.started(name);
        try {
            ModelCalls.Result result = work.run(round);
            store.save(new StepRecord(name, inputHash, "done", result.text(), result.thinking(), null,
                    result.attempts(), result.tokens(), result.millis(), Instant.now()));
            return result.text();
        } catch (ModelCalls.RepliesRejected e) {
            store.save(new StepRecord(name, inputHash, "failed", null, null, e.getMessage(), 0, 0, 0, Instant.now()));
            throw new BookJobException("step " + name + " failed: " + e.getMessage().replaceAll("\\.+$", "")
                    + ". Try a larger model, or run ponder book resume to try again.", e);
        } catch (EngineException e) {
            throw new BookJobException("step " + name + " stopped: " + e.getMessage()
                    + " Finished steps are kept: run ponder book resume.", e);
        }
    }
}
