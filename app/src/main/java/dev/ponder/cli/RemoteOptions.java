package dev.ponder.cli;

import java.io.IOException;
import java.net.URI;

import dev.ponder.connections.ApiKeys;
import dev.ponder.connections.Connections;
import dev.ponder.engine.remote.RemoteEndpoint;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.engine.remote.RemoteFailure;
import picocli.CommandLine.Option;

/**
 * {@code --endpoint URL --remote-model NAME}: a model on an OpenAI-compatible server instead of a local file. The API
 * key is never an option (a command line is visible to every user of the machine and stays in the shell's history):
 * it comes from {@value ApiKeys#ENVIRONMENT_VARIABLE}, or from the one stored with {@code ponder remote key}.
 */
public final class RemoteOptions {

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "An OpenAI-compatible server (llama-server, vLLM, Ollama) to use instead of a local model, "
                    + "e.g. http://gpu-server:8080. Its API key comes from " + ApiKeys.ENVIRONMENT_VARIABLE
                    + " or from ponder remote key.")
    String endpoint;

    @Option(names = "--remote-model", required = true, paramLabel = "NAME",
            description = "The model on that server (ponder remote models --endpoint URL lists them).")
    String model;

    public String endpoint() {
        return endpoint;
    }

    public String model() {
        return model;
    }

    /** The server's address as typed, checked ({@link RemoteEndpoint#parseAddress}). */
    URI root() {
        return RemoteEndpoint.parseAddress(endpoint);
    }

    /** Connects to the model with at most {@code parallel} requests at once. */
    public RemoteEngine connect(int parallel) throws RemoteFailure, IOException {
        return Connections.connect(endpoint, model, parallel);
    }
}
