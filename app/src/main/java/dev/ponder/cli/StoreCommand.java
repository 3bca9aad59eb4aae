package dev.ponder.cli;

import java.util.concurrent.Callable;

import dev.ponder.chat.ChatRepository;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that reads the chat store and prints text or, with {@code --json}, JSON. */
abstract class StoreCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public final Integer call() {
        ChatRepository repository = store.open();
        try {
            return run(repository);
        } finally {
            repository.database().close();
        }
    }

    abstract int run(ChatRepository repository);
}
