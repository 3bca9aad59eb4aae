package dev.ponder.bench;

import java.util.List;

/**
 * What one mode measured at one thread count.
 *
 * @param readyMillis           in-process: a fresh engine's load call; child: a fresh child JVM started and the model
 *                              loaded in it, both timed from the call until it returned
 * @param firstTokenMillis      from the completion call to the first token reaching the caller's sink
 * @param tokensPerSecond       decode speed as the caller's sink sees it, first token to last: for the child this
 *                              includes the socket, the JSON and the batching, which is the point of comparing
 * @param engineTokensPerSecond the same, as llama.cpp's own loop measured it (inside the child, for the child)
 * @param tokensPerRun          tokens each decode run produced (fewer than asked when the context ran out)
 * @param cancelMillis          from {@code cancel()} on another thread until the completion call returned
 * @param childHeap             the child's heap after the runs; null in-process
 * @param backend               where the model ran, as {@link dev.ponder.engine.ActiveBackend#summary()} says
 * @param gpuMemoryMb           GPU memory the model's load took, 0 on the CPU
 * @param prompts               prompt processing at each length asked for
 */
public record ModeResult(Mode mode, int threads, Stats readyMillis, Stats firstTokenMillis, Stats tokensPerSecond,
                         Stats engineTokensPerSecond, int tokensPerRun, Stats cancelMillis, ChildHeap childHeap,
                         String backend, double gpuMemoryMb, List<PromptResult> prompts) {

    public ModeResult {
        prompts = List.copyOf(prompts);
    }
}
