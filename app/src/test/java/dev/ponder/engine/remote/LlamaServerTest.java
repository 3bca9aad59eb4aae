package dev.ponder.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.ChatService;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.Database;
import dev.ponder.testing.LlamaServer;
import dev.ponder.testing.SharedModel;

/**
 * The remote engine against a real llama-server (llama.cpp b4980, as {@code native/} builds it) serving stories260K
 * with two slots: streaming, cancel, constrained output, parallel requests, and a server killed mid-reply.
 */
class LlamaServerTest {

    private static final int CONTEXT = 1024;
    private static LlamaServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = LlamaServer.start(SharedModel.stories260K(), 2, CONTEXT, "--slots");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static RemoteEngine engine(LlamaServer on, int parallel) throws RemoteFailure {
        return RemoteEngine.connect(new RemoteEndpoint(on.root(), "stories260K", parallel, null));
    }

    @Test
    void aChatStreamsWithTheServersTemplateAndItsOwnTimings() throws Exception {
        try (RemoteEngine engine = engine(server, 1)) {
            StringBuilder prompt = new StringBuilder();
            List<String> tokens = new CopyOnWriteArrayList<>();
            Generation generation = engine.chat(List.of(ChatTurn.user("Tell me a story")), Sampling.greedy(60),
                    new TokenSink() {
                        @Override
                        public void token(String text) {
                            assertThat(prompt).as("the rendered prompt comes first").isNotEmpty();
                            tokens.add(text);
                        }

                        @Override
                        public void promptRendered(String rendered) {
                            prompt.append(rendered);
                        }
                    });

            // stories260K has no template; llama-server falls back to ChatML, as llama.cpp does in-process.
            assertThat(prompt.toString()).contains("Tell me a story").endsWith("<|im_start|>assistant\n");
            assertThat(tokens).hasSize(60);
            assertThat(generation.stopReason()).isEqualTo(StopReason.LENGTH);
            assertThat(generation.completionTokens()).isEqualTo(60);
            assertThat(generation.promptTokens()).isPositive();
            assertThat(generation.tokensPerSecond()).isPositive();
            assertThat(engine.served().orElseThrow().contextPerSequence()).isEqualTo(CONTEXT);
            assertThat(engine.server().slots()).isEqualTo(2);
        }
    }

    @Test
    void cancelStopsTheReplyAndFreesTheServersSlot() throws Exception {
        try (RemoteEngine engine = engine(server, 1)) {
            AtomicLong cancelledAt = new AtomicLong();
            AtomicLong afterCancel = new AtomicLong();
            Generation generation = engine.complete(CompletionRequest.of("Once upon a time",
                    Sampling.greedy(100_000)), text -> {
                        if (cancelledAt.get() != 0) {
                            afterCancel.incrementAndGet();
                        } else {
                            cancelledAt.set(System.nanoTime());
                            engine.cancel();
                        }
                    });
            double latencyMillis = (System.nanoTime() - cancelledAt.get()) / 1e6;

            assertThat(generation.stopReason()).isEqualTo(StopReason.CANCELLED);
            assertThat(afterCancel.get()).as("tokens after cancel").isZero();
            assertThat(latencyMillis).isLessThan(100);
            assertThat(slotsBusyAfterAWhile()).as("slots still generating").isZero();
        }
    }

    /** How many slots still generate, once they had a moment to notice a closed connection. */
    private static long slotsBusyAfterAWhile() throws Exception {
        long busy = 0;
        for (int i = 0; i < 40; i++) {
            Thread.sleep(50);
            JsonNode slots = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.root() + "/slots")).build(), HttpResponse.BodyHandlers.ofString()).body());
            busy = 0;
            for (JsonNode slot : slots) {
                busy += slot.path("is_processing").asBoolean() ? 1 : 0;
            }
            if (busy == 0) {
                break;
            }
        }
        return busy;
    }

    @Test
    void aGbnfGrammarAndAJsonSchemaHoldTheOutput() throws Exception {
        try (RemoteEngine engine = engine(server, 1)) {
            StringBuilder yesNo = new StringBuilder();
            engine.complete(CompletionRequest.of("Is the sky blue?", Sampling.greedy(10))
                    .withGrammar("root ::= (\"yes\" | \"no\")"), yesNo::append);
            assertThat(yesNo.toString()).isIn("yes", "no");

            String schema = """
                    {"type":"object","properties":{"title":{"type":"string","maxLength":20},
                     "pages":{"type":"integer"}},"required":["title","pages"]}""";
            StringBuilder book = new StringBuilder();
            engine.complete(CompletionRequest.of("A book:", Sampling.greedy(120)).withJsonSchema(schema),
                    book::append);
            JsonNode parsed = new ObjectMapper().readTree(book.toString());
            assertThat(parsed.get("title").isTextual()).isTrue();
            assertThat(parsed.get("pages").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void aChatReplyIsHeldToAJsonSchemaThroughResponseFormat() throws Exception {
        try (RemoteEngine engine = engine(server, 1)) {
            String schema = """
                    {"type":"object","properties":{"answer":{"type":"string","maxLength":30}},"required":["answer"]}""";
            StringBuilder out = new StringBuilder();
            engine.chat(List.of(ChatTurn.user("Answer in JSON")), Sampling.greedy(80), schema, out::append);
            assertThat(new ObjectMapper().readTree(out.toString()).get("answer").isTextual()).isTrue();
        }
    }

    @Test
    void twoRequestsStreamSideBySide() throws Exception {
        try (RemoteEngine engine = engine(server, 2); ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<long[]>> spans = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String prompt = "Once upon a time, story " + i;
                spans.add(pool.submit(() -> {
                    long[] span = new long[2];
                    engine.complete(CompletionRequest.of(prompt, Sampling.greedy(1500)), text -> {
                        span[1] = System.nanoTime();
                        if (span[0] == 0) {
                            span[0] = span[1];
                        }
                    });
                    return span;
                }));
            }
            long[] first = spans.get(0).get();
            long[] second = spans.get(1).get();
            assertThat(Math.max(first[0], second[0])).as("each began before the other ended")
                    .isLessThan(Math.min(first[1], second[1]));
        }
    }

    @Test
    void tokensAreCountedByTheServer() throws Exception {
        try (RemoteEngine engine = engine(server, 1)) {
            assertThat(engine.tokenize("Once upon a time")).isNotEmpty();
            assertThat(engine.countTokens("Once upon a time")).isEqualTo(engine.tokenize("Once upon a time").length);
        }
    }

    @Test
    void aServerKilledMidReplyLeavesThePartialAnswerIncomplete() throws Exception {
        try (LlamaServer doomed = LlamaServer.start(SharedModel.stories260K(), 1, CONTEXT);
             RemoteEngine engine = engine(doomed, 1)) {
            ChatRepository repository = new ChatRepository(Database.open(dir));
            try {
                ChatService chat = new ChatService(engine, repository);
                long id = chat.startConversation("story", "stories260K").id();
                List<String> answer = new CopyOnWriteArrayList<>();
                EngineException failure = null;
                try {
                    chat.send(id, "Tell me a long story", Sampling.greedy(100_000), ReasoningMarkers.DEFAULT,
                            event -> {
                                if (event instanceof dev.ponder.reasoning.ReasoningEvent.AnswerDelta delta) {
                                    answer.add(delta.text());
                                    if (answer.size() == 20) {
                                        kill(doomed);
                                    }
                                }
                            });
                } catch (EngineException e) {
                    failure = e;
                }
                Message reply = repository.activePath(id).getLast();

                assertThat(failure).isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                        .isEqualTo(RemoteFailure.Kind.STREAM_CUT));
                assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
                assertThat(reply.answer()).isEqualTo(String.join("", answer)).isNotEmpty();
                assertThat(reply.error()).contains("ended in the middle of the reply");
            } finally {
                repository.database().close();
            }
        }
    }

    private static void kill(LlamaServer doomed) {
        try {
            doomed.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
