package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Path;

import dev.ponder.connections.Connections;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.models.GgufInfo;

/**
 * The engine a book job writes with. A local model gets an engine child of its own, so that a crash of the engine
 * stops the job (which resumes) but not the program that started it, and chat in the window keeps its own model; a
 * model on a server gets a connection that sends up to {@link JobSettings#parallel()} requests at once.
 */
public final class BookEngine {

    private BookEngine() {
    }

    /** The job's engine, ready to write. */
    public static Engine start(JobSettings settings) throws EngineException, IOException {
        Engine engine = open(settings);
        try {
            prepare(engine, settings);
            return engine;
        } catch (EngineException | IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * The job's engine before its model is loaded: a job made over it can be paused or cancelled while
     * {@link #prepare} loads the model.
     */
    public static Engine open(JobSettings settings) throws EngineException, IOException {
        if (settings.endpoint() != null) {
            return Connections.connect(settings.endpoint(), settings.model(), Math.max(1, settings.parallel()));
        }
        return EngineProcess.create(NativeLibrary.defaultCacheRoot());
    }

    /** Loads a local job's model with as many parallel sequences as the job asks for; a server has its model. */
    public static void prepare(Engine engine, JobSettings settings) throws EngineException, IOException {
        if (settings.endpoint() == null) {
            engine.load(loadSettings(settings));
        }
    }

    private static LoadSettings loadSettings(JobSettings settings) throws IOException {
        LoadSettings load = LoadSettings.defaults(Path.of(settings.model())).withThreads(settings.threads());
        int parallel = Math.max(1, settings.parallel());
        if (parallel > 1) {
            // Each sequence gets a whole context: llama.cpp splits the one it is given between them.
            int single = load.effectiveContext(GgufInfo.read(load.model()).contextLength());
            load = load.withParallel(parallel).withContextSize(single * parallel);
        }
        return load;
    }
}
