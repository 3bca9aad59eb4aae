package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Path;

import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.models.GgufInfo;

/**
 * The engine a book job writes with: its own child process with the job's model, so that a crash of the engine
 * stops the job (which resumes) but not the program that started it, and chat in the window keeps its own model.
 */
public final class BookEngine {

    private BookEngine() {
    }

    /** Starts an engine child and loads the job's model with as many parallel sequences as the job asks for. */
    public static EngineProcess start(JobSettings settings) throws EngineException, IOException {
        EngineProcess engine = create();
        try {
            load(engine, settings);
            return engine;
        } catch (EngineException | IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** An engine child with no model yet: a job made over it can be paused or cancelled while the model loads. */
    public static EngineProcess create() {
        return EngineProcess.create(NativeLibrary.defaultCacheRoot());
    }

    /** Loads the job's model with as many parallel sequences as the job asks for. */
    public static void load(Engine engine, JobSettings settings) throws EngineException, IOException {
        engine.load(loadSettings(settings));
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
