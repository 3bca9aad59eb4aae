package dev.ponder.engine;

import dev.ponder.models.GgufInfo;

/**
 * A model the engine holds, with the settings it was loaded with and what its header says.
 *
 * @param loadMillis wall time of the native load
 */
public record LoadedModel(LoadSettings settings, GgufInfo info, long loadMillis) {
}
