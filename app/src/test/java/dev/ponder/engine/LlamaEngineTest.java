package dev.ponder.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.ponder.engine.llama.LlamaEngine;

class LlamaEngineTest extends EngineContract {

    private LlamaEngine engine;

    @BeforeEach
    void start() {
        engine = new LlamaEngine(temp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }
}
