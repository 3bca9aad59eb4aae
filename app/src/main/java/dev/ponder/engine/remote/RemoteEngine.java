package dev.ponder.engine.remote;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ServedModel;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;

/**
 * A model on a server that speaks the OpenAI-compatible API: llama.cpp's {@code llama-server}, vLLM, Ollama. Ponder
 * grows no distributed system of its own; a department's GPU server does the work, and this engine streams its
 * replies over server-sent events.
 *
 * <p>Up to {@link RemoteEndpoint#parallel()} requests go out at once (the book's parallel chapters); more wait here.
 * {@link #cancel()} closes the streams in flight, which stops the server's work too. The server's model is the one
 * in use: nothing is loaded here, so {@link #loaded()} is empty and {@link #served()} names the remote model.
 *
 * <p>Reasoning: thinking a server splits off ({@code reasoning_content}) reaches {@link TokenSink#reasoning};
 * thinking inside the text comes between the model's markers as from a local model. For that, llama-server's
 * {@code /apply-template} gives the rendered prompt to {@link TokenSink#promptRendered}, so that a template that
 * opens the thinking block itself (DeepSeek-R1's distills) is seen as it is locally.
 */
public final class RemoteEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteEngine.class);
    private static final long PERMIT_POLL_MILLIS = 50;

    private final RemoteEndpoint endpoint;
    private final ServerHttp http;
    private final ServerInfo server;
    private final Semaphore permits;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    /** Whether the server renders chats for us (llama-server's /apply-template); null until first asked. */
    private volatile Boolean rendersTemplates;

    private RemoteEngine(RemoteEndpoint endpoint, ServerHttp http, ServerInfo server) {
        this.endpoint = endpoint;
        this.http = http;
        this.server = server;
        this.permits = new Semaphore(endpoint.parallel(), true);
        this.rendersTemplates = server.llamaServer() ? null : Boolean.FALSE;
    }

    /**
     * Connects to the endpoint's server and checks that it serves the model (and takes the key).
     *
     * @throws RemoteFailure when the server cannot be reached, refuses the key or lacks the model
     */
    public static RemoteEngine connect(RemoteEndpoint endpoint) throws RemoteFailure {
        return connect(endpoint, RetryPolicy.DEFAULT);
    }

    static RemoteEngine connect(RemoteEndpoint endpoint, RetryPolicy retries) throws RemoteFailure {
        ServerHttp http = new ServerHttp(endpoint.root(), endpoint.apiKey(), retries);
        try {
            ServerInfo server = probe(http, endpoint.model());
            if (!server.serves(endpoint.model())) {
                throw RemoteFailure.modelNotFound(endpoint.root(), endpoint.model(), server.models().isEmpty()
                        ? "it lists no models" : "it lists " + String.join(", ", server.modelIds()));
            }
            if (server.slots() > 0 && server.slots() < endpoint.parallel()) {
                LOG.warn("{} has {} slots for {} parallel requests: the rest wait on the server", endpoint.root(),
                        server.slots(), endpoint.parallel());
            }
            return new RemoteEngine(endpoint, http, server);
        } catch (RemoteFailure | RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /**
     * What the server at {@code root} says about itself, asked with {@code apiKey} (null for none): a connection test.
     *
     * @throws RemoteFailure when it cannot be reached or refuses the key
     */
    public static ServerInfo probe(URI root, String apiKey) throws RemoteFailure {
        try (ServerHttp http = new ServerHttp(root, apiKey, RetryPolicy.DEFAULT)) {
            return probe(http, null);
        }
    }

    private static ServerInfo probe(ServerHttp http, String model) throws RemoteFailure {
        URI root = http.root();
        List<ServerInfo.RemoteModel> models = ServerInfo.parseModels(http.json(URI.create(root + "/v1/models"), null,
                model));
        JsonNode props;
        try {
            // llama-server's own facts; it also checks the key there, where its /v1/models is public.
            props = http.json(URI.create(root + "/props"), null, model);
        } catch (RemoteFailure e) {
            if (e.kind() != RemoteFailure.Kind.NOT_FOUND && e.kind() != RemoteFailure.Kind.REFUSED) {
                throw e;
            }
            props = null;
        }
        return ServerInfo.of(root, models, props);
    }

    public RemoteEndpoint endpoint() {
        return endpoint;
    }

    public ServerInfo server() {
        return server;
    }

    /** A remote engine loads nothing: the server serves the model it was started with. */
    @Override
    public LoadedModel load(LoadSettings settings) throws EngineException {
        throw new EngineException("The server at " + endpoint.root() + " serves its own models; Ponder cannot load "
                + settings.model().getFileName() + " into it. Open the file without the remote connection.");
    }

    @Override
    public void unload() {
        // Nothing is held here.
    }

    @Override
    public Optional<LoadedModel> loaded() {
        return Optional.empty();
    }

    @Override
    public Optional<ServedModel> served() {
        return Optional.of(new ServedModel(endpoint.model(), server.contextFor(endpoint.model()),
                endpoint.parallel()));
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException {
        ObjectNode body = RequestBodies.chat(endpoint.model(), turns, sampling, jsonSchema);
        return stream(endpoint.openAi("chat/completions"), body, sink, turns);
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        if (request.grammar() != null && !server.llamaServer()) {
            throw new RemoteFailure(RemoteFailure.Kind.NOT_SUPPORTED, "The server at " + endpoint.root()
                    + " takes no GBNF grammar (llama-server does); ask for a JSON schema instead.");
        }
        return stream(endpoint.openAi("completions"), RequestBodies.completion(endpoint.model(), request), sink,
                null);
    }

    /** @param chat the turns, for the rendered prompt; null for a raw completion */
    private Generation stream(URI uri, ObjectNode body, TokenSink sink, List<ChatTurn> chat) throws EngineException {
        Call call = new Call();
        calls.add(call);
        try {
            if (!acquire(call)) {
                return cancelledBeforeStart();
            }
            try {
                if (chat != null) {
                    rendered(chat).ifPresent(sink::promptRendered);
                }
                long start = System.nanoTime();
                Optional<HttpResponse<InputStream>> answer = http.send(uri, body, endpoint.model(), call);
                if (answer.isEmpty()) {
                    return cancelledBeforeStart();
                }
                return new ReplyStream(endpoint.root(), call, sink, start).read(answer.get().body());
            } finally {
                permits.release();
            }
        } finally {
            calls.remove(call);
        }
    }

    /** Waits for one of the parallel requests' places; false when cancelled meanwhile. */
    private boolean acquire(Call call) {
        try {
            while (!call.cancelled()) {
                if (permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static Generation cancelledBeforeStart() {
        return new Generation(StopReason.CANCELLED, 0, 0, 0, 0, 0);
    }

    /** The chat as the server's template renders it, when the server can say (llama-server). */
    private Optional<String> rendered(List<ChatTurn> turns) throws RemoteFailure {
        if (Boolean.FALSE.equals(rendersTemplates)) {
            return Optional.empty();
        }
        try {
            JsonNode answer = http.json(endpoint.server("apply-template"), RequestBodies.template(turns),
                    endpoint.model());
            rendersTemplates = Boolean.TRUE;
            return Optional.of(answer.path("prompt").asText(""));
        } catch (RemoteFailure e) {
            if (e.kind() == RemoteFailure.Kind.UNREACHABLE || e.kind() == RemoteFailure.Kind.UNAUTHORIZED) {
                throw e;
            }
            LOG.info("{} renders no chat templates for clients ({}): thinking is told apart without the prompt",
                    endpoint.root(), e.getMessage());
            rendersTemplates = Boolean.FALSE;
            return Optional.empty();
        }
    }

    /** Token ids from the server's {@code /tokenize} (llama-server's and vLLM's). */
    @Override
    public int[] tokenize(String text) throws EngineException {
        JsonNode answer;
        try {
            answer = http.json(endpoint.server("tokenize"), RequestBodies.tokenize(endpoint.model(), text),
                    endpoint.model());
        } catch (RemoteFailure e) {
            if (e.kind() == RemoteFailure.Kind.NOT_FOUND) {
                throw new RemoteFailure(RemoteFailure.Kind.NOT_SUPPORTED, "The server at " + endpoint.root()
                        + " cannot count tokens (it has no /tokenize).", e);
            }
            throw e;
        }
        JsonNode tokens = answer.path("tokens");
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode token = tokens.get(i);
            ids[i] = token.isObject() ? token.path("id").asInt() : token.asInt();
        }
        return ids;
    }

    @Override
    public void cancel() {
        calls.forEach(Call::cancel);
    }

    @Override
    public void close() {
        cancel();
        http.close();
    }
}
