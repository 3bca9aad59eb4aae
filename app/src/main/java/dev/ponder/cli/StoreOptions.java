package dev.ponder.cli;

import java.nio.file.Path;

import dev.ponder.chat.ChatRepository;
import dev.ponder.store.DataDirectory;
import dev.ponder.store.Database;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option every command that reads or writes chats shares. */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Ponder keeps its database (default: the platform's user data folder).")
    Path dataDir;

    /**
     * Opens the chat store. Messages a killed Ponder left streaming are marked incomplete here, so every command
     * shows them as they are.
     */
    ChatRepository open() {
        ChatRepository repository = new ChatRepository(Database.open(DataDirectory.resolve(dataDir)));
        repository.markInterruptedAsIncomplete();
        return repository;
    }
}
