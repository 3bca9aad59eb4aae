package dev.ponder.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.ponder.connections.ApiKeys;
import dev.ponder.engine.remote.RemoteEndpoint;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.engine.remote.RemoteFailure;
import dev.ponder.engine.remote.ServerInfo;
import dev.ponder.settings.ConfigDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder remote}: what an OpenAI-compatible server serves, and its API key. */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = {"Servers that speak the OpenAI-compatible API (llama-server, vLLM, Ollama): their models and "
                + "their API keys.", "Use one with --endpoint URL --remote-model NAME on ponder chat and ponder book."},
        subcommands = {RemoteCommand.Models.class, RemoteCommand.Key.class})
final class RemoteCommand {

    /** The key store of this machine. */
    static ApiKeys keys() {
        return ApiKeys.forThisMachine(ConfigDirectory.platformDefault());
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = "List the models a server serves (a connection test: it uses the key as chat would).")
    static final class Models implements Callable<Integer> {

        @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The server's address.")
        String endpoint;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            ServerInfo info;
            try {
                URI root = RemoteEndpoint.parseAddress(endpoint);
                info = RemoteEngine.probe(root, keys().forServer(root).orElse(null));
            } catch (RemoteFailure | IllegalArgumentException e) {
                System.err.println("ponder: " + e.getMessage());
                return 1;
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("server", info.root().toString());
                out.put("llama_server", info.llamaServer());
                out.put("slots", info.slots());
                out.put("context_per_slot", info.contextPerSlot());
                out.put("models", info.models());
                System.out.println(Json.write(out));
                return 0;
            }
            System.out.println(info.root() + (info.llamaServer() ? " (llama-server, " + info.slots() + " slots of "
                    + info.contextPerSlot() + " tokens)" : "") + ": " + info.models().size() + " model(s)");
            info.models().forEach(model -> System.out.println("  " + model.id()
                    + (model.contextLength() > 0 ? "  (context " + model.contextLength() + ")" : "")));
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Store a server's API key, read from standard input (typed unseen at a terminal), in the "
                    + "desktop keychain or else a file only you can read.",
                    "PONDER_API_KEY, when set, is used instead of any stored key."})
    static final class Key implements Callable<Integer> {

        @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The server's address.")
        String endpoint;

        @Option(names = "--remove", description = "Forget the key instead.")
        boolean remove;

        @Override
        public Integer call() throws IOException {
            URI root;
            try {
                root = RemoteEndpoint.parseAddress(endpoint);
            } catch (IllegalArgumentException e) {
                System.err.println("ponder: " + e.getMessage());
                return PonderCli.BAD_INPUT;
            }
            if (remove) {
                keys().remove(root);
                System.out.println("Forgot the API key for " + root + ".");
                return 0;
            }
            String key = readKey(root);
            if (key == null || key.isBlank()) {
                System.err.println("ponder: no key given: type it, or pipe it in (ponder remote key --endpoint "
                        + root + " < keyfile)");
                return PonderCli.BAD_INPUT;
            }
            System.out.println("Stored the API key for " + root + " " + keys().store(root, key) + ".");
            return 0;
        }

        private static String readKey(URI root) throws IOException {
            Console console = System.console();
            if (console != null && console.isTerminal()) {
                char[] typed = console.readPassword("API key for %s: ", root);
                return typed == null ? null : new String(typed);
            }
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
