package dev.ponder.engine;

/**
 * The model an engine generates with, as its callers need to know it: what to call it in a stored reply, and how
 * much it can take on at once.
 *
 * @param name               the model's name: a local file's name, or the model a server serves
 * @param contextPerSequence tokens of context each generation gets, prompt and reply together
 * @param sequences          generations the engine runs side by side; more requests wait their turn
 */
public record ServedModel(String name, int contextPerSequence, int sequences) {

    public ServedModel {
        if (name == null || name.isBlank() || contextPerSequence < 1 || sequences < 1) {
            throw new IllegalArgumentException("invalid served model: '" + name + "', context " + contextPerSequence
                    + ", sequences " + sequences);
        }
    }

    /** A local model: llama.cpp gives each of its parallel sequences an equal share of the loaded context. */
    public static ServedModel of(LoadedModel loaded) {
        LoadSettings settings = loaded.settings();
        return new ServedModel(settings.model().getFileName().toString(),
                Math.max(1, settings.contextSize() / settings.parallel()), settings.parallel());
    }
}
