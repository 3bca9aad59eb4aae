package dev.ponder.ui;

import java.nio.file.Path;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.ChatService;
import dev.ponder.engine.Engine;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.settings.SettingsStore;
import dev.ponder.store.DataDirectory;
import dev.ponder.store.Database;

/**
 * What the window works with, opened once at start and closed once at exit: the chat store, the engine child, the
 * settings, and the background work that uses them.
 */
public final class AppServices implements AutoCloseable {

    private final Database database;
    private final ChatRepository repository;
    private final Engine engine;
    private final ChatService chat;
    private final SettingsStore settings;
    private final Background background = new Background();

    /** Services over an open database and any engine (tests give a scripted one). */
    public AppServices(Database database, Engine engine, SettingsStore settings) {
        this.database = database;
        this.repository = new ChatRepository(database);
        this.engine = engine;
        this.chat = new ChatService(engine, repository);
        this.settings = settings;
    }

    /** Opens the store in {@code dataDir} (null: the platform's folder) and readies the engine child. */
    public static AppServices open(Path dataDir, SettingsStore settings) {
        Database database = Database.open(DataDirectory.resolve(dataDir));
        AppServices services = new AppServices(database, EngineProcess.create(NativeLibrary.defaultCacheRoot()),
                settings);
        services.repository.markInterruptedAsIncomplete();
        return services;
    }

    /** Where the window keeps textbooks: beside the chat store, in the data folder. */
    public Path booksDirectory() {
        return database.directory().resolve("books");
    }

    public ChatRepository repository() {
        return repository;
    }

    public Engine engine() {
        return engine;
    }

    public ChatService chat() {
        return chat;
    }

    public SettingsStore settings() {
        return settings;
    }

    public Background background() {
        return background;
    }

    @Override
    public void close() {
        background.close();
        engine.close();
        database.close();
    }
}
