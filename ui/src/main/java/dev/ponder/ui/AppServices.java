package dev.ponder.ui;

import java.nio.file.Path;
import java.util.function.Function;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.ChatService;
import dev.ponder.connections.Connections;
import dev.ponder.download.DiskSpace;
import dev.ponder.download.DownloadQueue;
import dev.ponder.download.Downloader;
import dev.ponder.download.HubEndpoint;
import dev.ponder.engine.Engine;
import dev.ponder.engine.SwitchableEngine;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.HardwareProbe;
import dev.ponder.settings.SettingsStore;
import dev.ponder.store.DataDirectory;
import dev.ponder.store.Database;

/**
 * What the window works with, opened once at start and closed once at exit: the chat store, the engine (the engine
 * child, or a server's model the user switched to), the settings, the remote connections, the download queue, and
 * the background work that uses them.
 */
public final class AppServices implements AutoCloseable {

    private final Database database;
    private final ChatRepository repository;
    private final SwitchableEngine engine;
    private final ChatService chat;
    private final SettingsStore settings;
    private final Connections connections;
    private final HubEndpoint hub;
    /** Made at the first download: its HTTP client costs start-up time and memory that most sessions never use. */
    private DownloadQueue downloads;
    private final Function<Path, Hardware> hardware;
    private final Background background = new Background();

    /** Services over an open database and any engine (tests give a scripted one), downloading from the usual hub. */
    public AppServices(Database database, Engine engine, SettingsStore settings) {
        this(database, engine, settings, HubEndpoint.choose(null, System.getenv()), new HardwareProbe()::probe);
    }

    /**
     * @param hub      where models are downloaded from
     * @param hardware finds out what the machine has, given the models folder (tests give fixed facts)
     */
    public AppServices(Database database, Engine engine, SettingsStore settings, HubEndpoint hub,
                       Function<Path, Hardware> hardware) {
        this.database = database;
        this.repository = new ChatRepository(database);
        this.engine = new SwitchableEngine(engine);
        this.chat = new ChatService(this.engine, repository);
        this.settings = settings;
        this.connections = Connections.in(settings.file().getParent());
        this.hub = hub;
        this.hardware = hardware;
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

    /** Where models are downloaded and imported to: the data folder's {@code models/}, as on the command line. */
    public Path modelsDirectory() {
        return database.directory().resolve("models");
    }

    public ChatRepository repository() {
        return repository;
    }

    public SwitchableEngine engine() {
        return engine;
    }

    public ChatService chat() {
        return chat;
    }

    public SettingsStore settings() {
        return settings;
    }

    public Connections connections() {
        return connections;
    }

    public synchronized DownloadQueue downloads() {
        if (downloads == null) {
            // Offline mode is read from the saved settings before every download, as the command line reads it.
            Downloader downloader = new Downloader(hub, DiskSpace.fileSystem(), () -> settings.load().offlineMode(),
                    Downloader.Options.defaults());
            downloads = new DownloadQueue(downloader, modelsDirectory(), 1);
        }
        return downloads;
    }

    public Function<Path, Hardware> hardware() {
        return hardware;
    }

    public Background background() {
        return background;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (downloads != null) {
                downloads.close();
            }
        }
        background.close();
        engine.close();
        database.close();
    }
}
