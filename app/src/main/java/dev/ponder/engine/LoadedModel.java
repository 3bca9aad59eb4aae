package dev.ponder.engine;

import dev.ponder.models.GgufInfo;

/**
 * A model the engine holds, with the settings it was loaded with, what its header says and where it runs.
 *
 * @param loadMillis wall time of the native load
 */
public record LoadedModel(LoadSettings settings, GgufInfo info, long loadMillis, ActiveBackend backend) {

    public LoadedModel withBackend(ActiveBackend newBackend) {
        return new LoadedModel(settings, info, loadMillis, newBackend);
    }
}
