package dev.ponder.engine;

import java.util.List;
import java.util.Optional;

/**
 * The engine a window chats through, switched while it runs: its own local engine (a file loaded into the engine
 * child), or a model on a server the user picked instead. Generations go to the one in use.
 *
 * <p>Loading a file goes to the local engine and, once it loaded, makes the local engine the one in use. A server's
 * engine that is replaced is closed, which ends its streams; the local engine is never closed by a switch, so its
 * model stays loaded and going back to it costs no load.
 */
public final class SwitchableEngine implements Engine {

    private final Engine local;
    private volatile Engine current;

    public SwitchableEngine(Engine local) {
        this.local = local;
        this.current = local;
    }

    /** The engine files are loaded into. */
    public Engine local() {
        return local;
    }

    /** Whether generations go to the local engine now. */
    public boolean usingLocal() {
        return current == local;
    }

    /** Generates with {@code other} (a server's engine) from now on; the server's engine used before is closed. */
    public void use(Engine other) {
        replace(other);
    }

    /** Loads into the local engine; once it loaded, the local engine is the one in use. */
    @Override
    public LoadedModel load(LoadSettings settings) throws EngineException {
        LoadedModel loaded = local.load(settings);
        replace(local);
        return loaded;
    }

    /** Afterwards no model is in use: the local engine's is unloaded, a server's engine closed. */
    @Override
    public void unload() throws EngineException {
        replace(local);
        local.unload();
    }

    private void replace(Engine next) {
        Engine previous;
        synchronized (this) {
            previous = current;
            current = next;
        }
        if (previous != local && previous != next) {
            previous.close();
        }
    }

    @Override
    public Optional<LoadedModel> loaded() {
        return current.loaded();
    }

    @Override
    public Optional<ServedModel> served() {
        return current.served();
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException {
        return current.chat(turns, sampling, jsonSchema, sink);
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        return current.complete(request, sink);
    }

    @Override
    public int[] tokenize(String text) throws EngineException {
        return current.tokenize(text);
    }

    /** Stops the generation in flight on either engine: one may have begun just before a switch. */
    @Override
    public void cancel() {
        Engine now = current;
        local.cancel();
        if (now != local) {
            now.cancel();
        }
    }

    @Override
    public void close() {
        replace(local);
        local.close();
    }
}
