package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.testing.SharedModel;

/**
 * What every engine does on the real model, in-process or through the child. Subclasses give the engine; each test
 * loads stories260K (a real 260K-parameter llama) and checks structure, since its text is nonsense.
 */
abstract class EngineContract {

    @TempDir
    Path temp;

    protected abstract Engine engine();

    protected LoadSettings settings() {
        return LoadSettings.defaults(SharedModel.stories260K()).withThreads(1).withSeed(42);
    }

    @Test
    void loadsTheModelWithAContextNoLongerThanItWasTrainedFor() throws Exception {
        LoadedModel model = engine().load(settings());
        assertThat(model.info().architecture()).isEqualTo("llama");
        assertThat(model.settings().contextSize()).isEqualTo(2048);
        assertThat(engine().loaded()).contains(model);
    }

    @Test
    void streamsAHundredTokensOrMore() throws Exception {
        engine().load(settings());
        List<String> tokens = new CopyOnWriteArrayList<>();
        Generation generation = engine().complete(CompletionRequest.of("Once upon a time", Sampling.greedy(120)),
                tokens::add);
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(100);
        assertThat(generation.completionTokens()).isEqualTo(tokens.size());
        assertThat(generation.stopReason()).isEqualTo(StopReason.LENGTH);
        assertThat(generation.promptTokens()).isPositive();
        assertThat(generation.tokensPerSecond()).isPositive();
        assertThat(String.join("", tokens)).isNotBlank();
    }

    @Test
    void chatRendersTheTemplateBeforeTheFirstToken() throws Exception {
        engine().load(settings());
        StringBuilder prompt = new StringBuilder();
        List<String> tokens = new CopyOnWriteArrayList<>();
        engine().chat(List.of(ChatTurn.user("Tell me a story")), Sampling.greedy(20), new TokenSink() {
            @Override
            public void token(String text) {
                assertThat(prompt).as("the prompt comes first").isNotEmpty();
                tokens.add(text);
            }

            @Override
            public void promptRendered(String rendered) {
                prompt.append(rendered);
            }
        });
        // stories260K has no template of its own; llama.cpp falls back to ChatML.
        assertThat(prompt.toString()).contains("Tell me a story").contains("assistant");
        assertThat(tokens).isNotEmpty();
    }

    @Test
    void twoConversationsInARowReuseTheLoadedModel() throws Exception {
        LoadedModel model = engine().load(settings());
        Generation first = engine().chat(List.of(ChatTurn.user("Hi")), Sampling.greedy(10), TokenSink.discard());
        Generation second = engine().chat(List.of(ChatTurn.user("A new chat")), Sampling.greedy(10),
                TokenSink.discard());
        assertThat(first.completionTokens()).isPositive();
        assertThat(second.completionTokens()).isPositive();
        assertThat(engine().loaded()).contains(model);
    }

    @Test
    void cancelStopsWithinOneTokenAndAHundredMilliseconds() throws Exception {
        engine().load(settings());
        AtomicLong cancelledAt = new AtomicLong();
        AtomicLong tokensAfterCancel = new AtomicLong();
        Generation generation = engine().complete(CompletionRequest.of("Once", Sampling.greedy(-1)
                .withMaxTokens(1_000_000)), text -> {
                    if (cancelledAt.get() != 0) {
                        tokensAfterCancel.incrementAndGet();
                    } else {
                        cancelledAt.set(System.nanoTime());
                        engine().cancel();
                    }
                });
        double latencyMillis = (System.nanoTime() - cancelledAt.get()) / 1e6;
        assertThat(generation.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(latencyMillis).isLessThan(100);
        assertThat(tokensAfterCancel.get()).as("tokens after cancel").isLessThanOrEqualTo(1);
    }

    @Test
    void followsAJsonSchema() throws Exception {
        engine().load(settings());
        String schema = """
                {"type":"object","properties":{"title":{"type":"string","maxLength":20},
                 "pages":{"type":"integer"}},"required":["title","pages"]}""";
        StringBuilder out = new StringBuilder();
        engine().complete(CompletionRequest.of("A book:", Sampling.greedy(120)).withJsonSchema(schema), out::append);
        var node = new ObjectMapper().readTree(out.toString());
        assertThat(node.get("title").isTextual()).isTrue();
        assertThat(node.get("pages").isIntegralNumber()).isTrue();
    }

    @Test
    void followsAGbnfGrammar() throws Exception {
        engine().load(settings());
        StringBuilder out = new StringBuilder();
        engine().complete(CompletionRequest.of("Is the sky blue?", Sampling.greedy(10))
                .withGrammar("root ::= (\"yes\" | \"no\")"), out::append);
        assertThat(out.toString()).isIn("yes", "no");
    }

    @Test
    void aChatReplyCanBeHeldToAJsonSchema() throws Exception {
        engine().load(settings());
        String schema = """
                {"type":"object","properties":{"answer":{"type":"string","maxLength":30}},"required":["answer"]}""";
        StringBuilder out = new StringBuilder();
        engine().chat(List.of(ChatTurn.user("Answer in JSON")), Sampling.greedy(80), schema, out::append);
        assertThat(new ObjectMapper().readTree(out.toString()).get("answer").isTextual()).isTrue();
    }

    @Test
    void tokenizesText() throws Exception {
        engine().load(settings());
        assertThat(engine().tokenize("Once upon a time")).isNotEmpty();
        assertThat(engine().countTokens("Once upon a time")).isEqualTo(engine().tokenize("Once upon a time").length);
    }

    @Test
    void aCorruptModelIsRefusedWithTheFileNamedAndTheEngineLives() throws Exception {
        Path bogus = Files.write(temp.resolve("bogus.gguf"), "GGUF but not really".getBytes());
        LoadSettings corrupt = settings().withModelPath(bogus); // outside the lambda: a missing model skips
        assertThatThrownBy(() -> engine().load(corrupt))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("bogus.gguf");
        engine().load(settings());
        assertThat(engine().tokenize("still alive")).isNotEmpty();
    }

    @Test
    void aQuantizedCacheTooCoarseForTheModelsHeadsIsRefusedBeforeLlamaCppAborts() throws Exception {
        // stories260K's attention heads are 8 values wide; llama.cpp's q8_0 blocks are 32.
        Acceleration q8 = new Acceleration(BackendChoice.CPU, 0, true, KvCacheType.Q8_0);
        LoadSettings quantized = settings().withAcceleration(q8);
        assertThatThrownBy(() -> engine().load(quantized))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("f16 KV cache");
        engine().load(settings());
        assertThat(engine().tokenize("still alive")).isNotEmpty();
    }

    @Test
    void generatingWithoutAModelSaysToLoadOne() {
        assertThatThrownBy(() -> engine().complete(CompletionRequest.of("x", Sampling.greedy(5)),
                TokenSink.discard())).isInstanceOf(EngineException.class).hasMessageContaining("load");
    }
}
