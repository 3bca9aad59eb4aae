package dev.ponder.engine.remote;

import static dev.ponder.testing.ScriptedServer.json;
import static dev.ponder.testing.ScriptedServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.Database;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.ScriptedServer;

/** The remote engine against a scripted server: everything llama-server cannot be made to show. */
class RemoteEngineScriptedTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(5));
    private static final Duration NO_PAUSE = Duration.ZERO;

    @TempDir
    Path dir;

    private ScriptedServer server;
    private ChatRepository repository;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().listing("r1");
        repository = new ChatRepository(Database.open(dir));
    }

    @AfterEach
    void stop() {
        server.close();
        repository.database().close();
    }

    private RemoteEngine engine() throws RemoteFailure {
        return engine(1, null);
    }

    private RemoteEngine engine(int parallel, String key) throws RemoteFailure {
        return RemoteEngine.connect(new RemoteEndpoint(server.root(), "r1", parallel, key), QUICK);
    }

    private Message send(RemoteEngine engine, String text) {
        ChatService chat = new ChatService(engine, repository);
        long id = chat.startConversation(text, "r1").id();
        try {
            return chat.send(id, text, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { });
        } catch (EngineException e) {
            return repository.activePath(id).getLast();
        }
    }

    @Test
    void reasoningContentDeltasAreStoredAsThinkingAndTheContentAsTheAnswer() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, Chunks.reasoning("\nLet me"), Chunks.reasoning(" add."),
                Chunks.content("The answer"), Chunks.content(" is 4."), Chunks.finish("stop", 9, 6, 50.0),
                Chunks.DONE));
        List<ReasoningEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteEngine engine = engine()) {
            ChatService chat = new ChatService(engine, repository);
            long id = chat.startConversation("2+2?", "r1").id();
            Message reply = chat.send(id, "What is 2+2?", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                    events::add);

            assertThat(reply.thinking()).isEqualTo("Let me add.");
            assertThat(reply.answer()).isEqualTo("The answer is 4.");
            assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETE);
            assertThat(reply.thinkingClosed()).isTrue();
            assertThat(reply.model()).isEqualTo("r1");
            assertThat(events).filteredOn(ReasoningEvent.ThinkingFinished.class::isInstance).hasSize(1);
            assertThat(reply.stats().promptTokens()).isEqualTo(9);
            assertThat(reply.stats().completionTokens()).isEqualTo(6);
            assertThat(reply.stats().tokensPerSecond()).as("the server's own timing").isEqualTo(50.0);
        }
    }

    @Test
    void thinkTagsInTheTextAreSplitAsTheServersTemplateOpenedThem() throws Exception {
        server.on("/props", json(200, "{\"default_generation_settings\":{\"n_ctx\":2048},\"total_slots\":2}"))
                .on("/apply-template", json(200, "{\"prompt\":\"<｜User｜>2+2?<｜Assistant｜><think>\\n\"}"))
                .on("/v1/chat/completions", stream(NO_PAUSE, Chunks.content("Let me add."), Chunks.content("</th"),
                        Chunks.content("ink>\n\nIt is 4."), Chunks.finish("stop", 9, 6, 50.0), Chunks.DONE));
        try (RemoteEngine engine = engine()) {
            assertThat(engine.served().orElseThrow().contextPerSequence()).as("llama-server's slot").isEqualTo(2048);
            Message reply = send(engine, "2+2?");

            assertThat(reply.thinking()).isEqualTo("Let me add.");
            assertThat(reply.answer()).isEqualTo("It is 4.");
            assertThat(server.received("/apply-template")).hasSize(1);
        }
    }

    @Test
    void theRequestCarriesTheModelTheSamplingTheSchemaAndTheKeyAsABearerToken() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, Chunks.content("{\"a\":1}"),
                Chunks.finish("length", 3, 4, 10.0), Chunks.DONE));
        try (RemoteEngine engine = engine(1, "sk-secret")) {
            StringBuilder out = new StringBuilder();
            Generation generation = engine.chat(List.of(ChatTurn.user("JSON please")), Sampling.greedy(32),
                    "{\"type\":\"object\"}", out::append);

            assertThat(out).hasToString("{\"a\":1}");
            assertThat(generation.stopReason()).isEqualTo(StopReason.LENGTH);
            ScriptedServer.Received request = server.received("/v1/chat/completions").getFirst();
            assertThat(request.authorization()).isEqualTo("Bearer sk-secret");
            JsonNode body = new ObjectMapper().readTree(request.body());
            assertThat(body.path("model").asText()).isEqualTo("r1");
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.path("max_tokens").asInt()).isEqualTo(32);
            assertThat(body.path("temperature").asDouble()).isZero();
            assertThat(body.path("seed").asLong()).isEqualTo(42);
            assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("JSON please");
            assertThat(body.path("response_format").path("json_schema").path("schema").path("type").asText())
                    .isEqualTo("object");
            assertThat(engine.endpoint().toString()).doesNotContain("sk-secret");
        }
    }

    @Test
    void aRefusedKeySaysSoWithoutShowingIt() {
        server.on("/v1/models", json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid API Key\","
                + "\"type\":\"authentication_error\"}}"));
        assertThatThrownBy(() -> engine(1, "sk-wrong"))
                .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                        .isEqualTo(RemoteFailure.Kind.UNAUTHORIZED))
                .hasMessageContaining("refused the API key (401: Invalid API Key)")
                .hasMessageNotContaining("sk-wrong");
    }

    @Test
    void aModelTheServerDoesNotListIsNamedWithTheOnesItDoes() {
        server.listing("llama3:latest", "qwen2");
        assertThatThrownBy(() -> RemoteEngine.connect(new RemoteEndpoint(server.root(), "r1", 1, null), QUICK))
                .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                        .isEqualTo(RemoteFailure.Kind.MODEL_NOT_FOUND))
                .hasMessageContaining("no model 'r1'").hasMessageContaining("llama3:latest, qwen2");
    }

    @Test
    void aModelMissingWhenAskedIsReportedAsSuch() throws Exception {
        server.on("/v1/chat/completions", json(404, "{\"object\":\"error\",\"message\":\"The model `r1` does not "
                + "exist.\",\"type\":\"NotFoundError\",\"code\":404}"));
        try (RemoteEngine engine = engine()) {
            Message reply = send(engine, "hello");
            assertThat(reply.status()).isEqualTo(MessageStatus.ERROR);
            assertThat(reply.error()).contains("no model 'r1'").contains("The model `r1` does not exist.");
        }
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() throws Exception {
        server.on("/v1/chat/completions",
                json(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "1")),
                stream(NO_PAUSE, Chunks.content("fine"), Chunks.finish("stop", 1, 1, 1.0), Chunks.DONE));
        try (RemoteEngine engine = engine()) {
            long start = System.nanoTime();
            StringBuilder out = new StringBuilder();
            engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(5), out::append);

            assertThat(out).hasToString("fine");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds waited").isGreaterThanOrEqualTo(1.0);
            assertThat(server.received("/v1/chat/completions")).hasSize(2);
        }
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesFailsWithWhatToDo() throws Exception {
        server.on("/v1/chat/completions", json(429, "{\"error\":{\"message\":\"quota\"}}"));
        try (RemoteEngine engine = engine()) {
            assertThatThrownBy(() -> engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(5),
                    TokenSink.discard()))
                    .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                            .isEqualTo(RemoteFailure.Kind.RATE_LIMITED))
                    .hasMessageContaining("limiting requests (429: quota)").hasMessageContaining("Try again later");
            assertThat(server.received("/v1/chat/completions")).hasSize(QUICK.attempts());
        }
    }

    @Test
    void aRetryAfterLongerThanAMinuteIsNotWaitedFor() throws Exception {
        server.on("/v1/chat/completions", json(429, "{}", Map.of("Retry-After", "3600")));
        try (RemoteEngine engine = engine()) {
            assertThatThrownBy(() -> engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(5),
                    TokenSink.discard())).isInstanceOf(RemoteFailure.class);
            assertThat(server.received("/v1/chat/completions")).hasSize(1);
        }
    }

    @Test
    void aMalformedEventKeepsThePartialAnswerAsIncomplete() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, Chunks.content("Half an"), Chunks.content(" answer"),
                "data: {\"choices\": [{\"delta\": {\"content\": \"bro\n\n", Chunks.DONE));
        try (RemoteEngine engine = engine()) {
            Message reply = send(engine, "hello");

            assertThat(reply.answer()).isEqualTo("Half an answer");
            assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(reply.error()).contains("cannot read").contains("not JSON");
        }
    }

    @Test
    void commentsAndUnknownFieldsAreNotMalformed() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, ": keep-alive\n\n", "id: 7\nretry: 100\n\n",
                Chunks.content("ok"), "event: ping\ndata: {}\n\n", Chunks.finish("stop", 1, 1, 1.0), Chunks.DONE));
        try (RemoteEngine engine = engine()) {
            assertThat(send(engine, "hello").status()).isEqualTo(MessageStatus.COMPLETE);
        }
    }

    @Test
    void aStreamThatEndsBeforeTheReplyKeepsThePartialAnswerAsIncomplete() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, Chunks.content("Once upon"), Chunks.content(" a")));
        try (RemoteEngine engine = engine()) {
            Message reply = send(engine, "hello");

            assertThat(reply.answer()).isEqualTo("Once upon a");
            assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(reply.error()).contains("ended in the middle of the reply, after 2 tokens");
        }
    }

    @Test
    void aConnectionDroppedMidStreamKeepsThePartialAnswerAsIncomplete() throws Exception {
        server.on("/v1/chat/completions", ScriptedServer.streamThenDrop(Chunks.reasoning("hmm"),
                Chunks.content("Once upon")));
        try (RemoteEngine engine = engine()) {
            Message reply = send(engine, "hello");

            assertThat(reply.thinking()).isEqualTo("hmm");
            assertThat(reply.answer()).isEqualTo("Once upon");
            assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(reply.error()).contains("ended in the middle of the reply");
        }
    }

    @Test
    void anErrorTheServerSendsMidStreamIsPassedOn() throws Exception {
        server.on("/v1/chat/completions", stream(NO_PAUSE, Chunks.content("Once"),
                "error: {\"code\":500,\"message\":\"out of memory\",\"type\":\"server_error\"}\n\n"));
        try (RemoteEngine engine = engine()) {
            Message reply = send(engine, "hello");

            assertThat(reply.answer()).isEqualTo("Once");
            assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(reply.error()).contains("stopped the reply: out of memory");
        }
    }

    @Test
    void cancelClosesTheStreamAndTheServerSeesTheClientGo() throws Exception {
        server.on("/v1/chat/completions", server.endless(Duration.ofMillis(5)));
        try (RemoteEngine engine = engine()) {
            List<String> tokens = new CopyOnWriteArrayList<>();
            long[] cancelledAt = new long[1];
            Generation generation = engine.chat(List.of(ChatTurn.user("go on")), Sampling.greedy(-1)
                    .withMaxTokens(1_000_000), text -> {
                        tokens.add(text);
                        if (tokens.size() == 20) {
                            cancelledAt[0] = System.nanoTime();
                            engine.cancel();
                        }
                    });
            double latencyMillis = (System.nanoTime() - cancelledAt[0]) / 1e6;

            assertThat(generation.stopReason()).isEqualTo(StopReason.CANCELLED);
            assertThat(tokens).hasSize(20);
            assertThat(latencyMillis).isLessThan(200);
            assertThat(server.clientLeft.await(5, TimeUnit.SECONDS)).as("the server saw the client go").isTrue();
        }
    }

    @Test
    void cancelEndsAWaitForARetry() throws Exception {
        server.on("/v1/chat/completions", json(503, "{\"error\":{\"message\":\"Loading model\"}}",
                Map.of("Retry-After", "3")));
        try (RemoteEngine engine = engine(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Generation> reply = pool.submit(() -> engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(5),
                    TokenSink.discard()));
            while (server.received("/v1/chat/completions").isEmpty()) {
                Thread.sleep(10);
            }
            engine.cancel();
            assertThat(reply.get(2, TimeUnit.SECONDS).stopReason()).isEqualTo(StopReason.CANCELLED);
        }
    }

    @Test
    void noMoreRequestsThanTheParallelLimitAreInFlight() throws Exception {
        server.on("/v1/chat/completions", server.counted(Duration.ofMillis(30), Chunks.content("a"), Chunks.content("b"),
                Chunks.content("c"), Chunks.finish("stop", 1, 3, 1.0), Chunks.DONE));
        try (RemoteEngine engine = engine(2, null); ExecutorService pool = Executors.newFixedThreadPool(5)) {
            assertThat(engine.served().orElseThrow().sequences()).isEqualTo(2);
            List<Future<Generation>> replies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replies.add(pool.submit(() -> engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(5),
                        TokenSink.discard())));
            }
            for (Future<Generation> reply : replies) {
                assertThat(reply.get(10, TimeUnit.SECONDS).completionTokens()).isEqualTo(3);
            }
            assertThat(server.mostAtOnce()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatIsNotThereIsReportedAsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> RemoteEngine.connect(RemoteEndpoint.of("http://127.0.0.1:" + port, "r1", 1, null)))
                .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                        .isEqualTo(RemoteFailure.Kind.UNREACHABLE))
                .hasMessageContaining("Cannot reach the server at http://127.0.0.1:" + port)
                .hasMessageContaining("connection refused");
    }

    @Test
    void aGrammarIsRefusedByAServerThatIsNotLlamaServer() throws Exception {
        try (RemoteEngine engine = engine()) {
            assertThatThrownBy(() -> engine.complete(CompletionRequest.of("x", Sampling.greedy(5))
                    .withGrammar("root ::= \"a\""), TokenSink.discard()))
                    .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                            .isEqualTo(RemoteFailure.Kind.NOT_SUPPORTED))
                    .hasMessageContaining("JSON schema instead");
        }
    }

    @Test
    void countingTokensOnAServerWithoutTokenizeSaysSo() throws Exception {
        try (RemoteEngine engine = engine()) {
            assertThatThrownBy(() -> engine.tokenize("hello"))
                    .isInstanceOfSatisfying(RemoteFailure.class, e -> assertThat(e.kind())
                            .isEqualTo(RemoteFailure.Kind.NOT_SUPPORTED))
                    .hasMessageContaining("cannot count tokens");
        }
    }

    @Test
    void aRemoteEngineLoadsNoFile() throws Exception {
        try (RemoteEngine engine = engine()) {
            assertThatThrownBy(() -> engine.load(dev.ponder.engine.LoadSettings.defaults(Path.of("m.gguf"))))
                    .hasMessageContaining("serves its own models");
            assertThat(engine.loaded()).isEmpty();
        }
    }
}
