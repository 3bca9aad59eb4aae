package dev.ponder.book.job;

import java.util.List;
import java.util.function.Function;

import dev.ponder.chat.SplittingSink;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.Sampling;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;

/**
 * Asks the model for one piece of the book and checks what comes back. A reply that fails its check is sent back
 * with the problems named, a bounded number of times; then the step fails with those problems. A reply that does
 * not pass is never kept.
 */
public final class ModelCalls {

    /** What a call produced: the accepted text, the model's thinking, and what it cost. */
    public record Result(String text, String thinking, int attempts, int tokens, long millis) {
    }

    /** The problems with a reply, in words the model can act on; empty when the reply is good. */
    @FunctionalInterface
    public interface Check extends Function<String, List<String>> {

        static Check none() {
            return text -> List.of();
        }
    }

    /** The step could not get a good reply; {@link #problems()} says what the last one got wrong. */
    public static final class RepliesRejected extends Exception {

        private final List<String> problems;

        public RepliesRejected(int attempts, List<String> problems) {
            super("the model's reply failed its check " + attempts + " times; last problems: "
                    + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Engine engine;
    private final ReasoningMarkers markers;
    private final int maxAttempts;
    private final JobStop stop;

    public ModelCalls(Engine engine, ReasoningMarkers markers, int maxAttempts) {
        this(engine, markers, maxAttempts, new JobStop());
    }

    ModelCalls(Engine engine, ReasoningMarkers markers, int maxAttempts, JobStop stop) {
        this.engine = engine;
        this.markers = markers;
        this.maxAttempts = maxAttempts;
        this.stop = stop;
    }

    /** A reply that must match {@code jsonSchema} (enforced by grammar) and pass {@code check}. */
    public Result structured(String instructions, String jsonSchema, Sampling sampling, Check check)
            throws EngineException, RepliesRejected {
        return ask(instructions, jsonSchema, sampling, check);
    }

    /** Free text (Markdown) that must pass {@code check}; the model's thinking is kept apart from it. */
    public Result text(String instructions, Sampling sampling, Check check) throws EngineException, RepliesRejected {
        return ask(instructions, null, sampling, check);
    }

    private Result ask(String instructions, String jsonSchema, Sampling sampling, Check check)
            throws EngineException, RepliesRejected {
        List<ChatTurn> turns = List.of(ChatTurn.user(instructions));
        long start = System.nanoTime();
        int tokens = 0;
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                stop.checkCancelled();
            }
            // A retry samples afresh: the same seed would mostly repeat the rejected reply.
            Sampling attemptSampling = sampling.seed() < 0 ? sampling : sampling.withSeed(sampling.seed() + attempt - 1);
            Reply reply = reply(turns, jsonSchema, attemptSampling);
            tokens += reply.tokens();
            problems = check.apply(reply.answer());
            if (problems.isEmpty()) {
                return new Result(reply.answer(), reply.thinking(), attempt, tokens,
                        (System.nanoTime() - start) / 1_000_000);
            }
            // The rejected reply itself is not sent back: a cut-off reply would leave less room for the next.
            turns = List.of(ChatTurn.user(instructions + "\n\nA previous reply was rejected: "
                    + String.join("; ", problems) + ". Avoid these problems."));
        }
        throw new RepliesRejected(maxAttempts, problems);
    }

    private record Reply(String answer, String thinking, int tokens) {
    }

    private Reply reply(List<ChatTurn> turns, String jsonSchema, Sampling sampling) throws EngineException {
        StringBuilder answer = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        SplittingSink sink = new SplittingSink(markers, event -> {
            switch (event) {
                case ReasoningEvent.ThinkingDelta delta -> thinking.append(delta.text());
                case ReasoningEvent.AnswerDelta delta -> answer.append(delta.text());
                case ReasoningEvent.ThinkingFinished finished -> { }
            }
        });
        Generation generation = engine.chat(turns, sampling, jsonSchema, sink);
        sink.finish();
        return new Reply(answer.toString().strip(), thinking.toString().strip(), generation.completionTokens());
    }
}
