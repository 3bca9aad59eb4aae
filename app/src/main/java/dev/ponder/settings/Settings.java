package dev.ponder.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.ponder.engine.Acceleration;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.reasoning.ReasoningMarkers;

/**
 * What the user chose, kept between runs by {@link SettingsStore}. Immutable: the UI makes a changed copy with a
 * {@code with…} method and saves it.
 *
 * @param threads CPU threads for decoding
 * @param contextSize tokens of context, 0 for automatic (see {@link LoadSettings#effectiveContext})
 * @param acceleration the backend (auto or forced), GPU layers, flash attention and KV cache type
 * @param temperature sampling temperature
 * @param topP nucleus sampling threshold, in (0, 1]
 * @param maxTokens most tokens per reply, -1 for no limit
 * @param seed sampling seed, -1 for a random one
 * @param theme the window's colours
 * @param fontSize the transcript's font size, in points
 * @param thinkingCollapsedByDefault whether a reply's thinking starts folded away
 * @param dataDirectory the folder for conversations, {@code null} for the platform's default
 * @param recentModels model files opened lately, the most recent first, at most {@value #MAX_RECENT_MODELS}
 * @param thinkingMarkers each model's thinking markers where they are not {@link ReasoningMarkers#DEFAULT}, keyed by
 *        model file name
 * @param windowState where the window was
 * @param offlineMode whether Ponder may download nothing at all, not even a model the user asks for; off by default
 *        (Ponder never opens a connection the user did not ask for either way)
 */
public record Settings(int threads, int contextSize, Acceleration acceleration, double temperature, double topP,
        int maxTokens, long seed, Theme theme, double fontSize, boolean thinkingCollapsedByDefault,
        String dataDirectory, List<String> recentModels, Map<String, ReasoningMarkers> thinkingMarkers,
        WindowState windowState, boolean offlineMode) {

    public static final int MAX_RECENT_MODELS = 10;
    public static final double DEFAULT_FONT_SIZE = 14;
    public static final double MIN_FONT_SIZE = 8;
    public static final double MAX_FONT_SIZE = 72;

    public Settings {
        require(threads >= 1, "threads must be at least 1, not " + threads);
        require(contextSize >= 0, "the context size must be 0 (automatic) or a number of tokens, not " + contextSize);
        acceleration = acceleration == null ? Acceleration.defaults() : acceleration;
        require(temperature >= 0 && Double.isFinite(temperature), "the temperature must be 0 or more, not "
                + temperature);
        require(topP > 0 && topP <= 1, "top-p must be more than 0 and at most 1, not " + topP);
        require(maxTokens == -1 || maxTokens >= 1, "max tokens must be -1 (no limit) or at least 1, not " + maxTokens);
        require(seed >= -1, "the seed must be -1 (random) or 0 or more, not " + seed);
        Objects.requireNonNull(theme, "theme must be one of SYSTEM, LIGHT, DARK");
        require(fontSize >= MIN_FONT_SIZE && fontSize <= MAX_FONT_SIZE, "the font size must be between "
                + MIN_FONT_SIZE + " and " + MAX_FONT_SIZE + " points, not " + fontSize);
        dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? null : dataDirectory.strip();
        recentModels = recent(recentModels == null ? List.of() : recentModels);
        thinkingMarkers = markers(thinkingMarkers == null ? Map.of() : thinkingMarkers);
        windowState = windowState == null ? WindowState.DEFAULT : windowState;
    }

    /**
     * What a new user gets: DeepSeek's sampling for R1, threads for this machine, automatic context, the best backend
     * present.
     */
    public static Settings defaults() {
        return new Settings(ThreadDefaults.decodeThreads(), 0, Acceleration.defaults(), Sampling.R1_TEMPERATURE,
                Sampling.R1_TOP_P, -1, -1, Theme.SYSTEM, DEFAULT_FONT_SIZE, false, null, List.of(), Map.of(),
                WindowState.DEFAULT, false);
    }

    /** The sampling for the next reply; top-k and min-p stay at {@link Sampling#r1Defaults()}'s. */
    public Sampling sampling() {
        Sampling r1 = Sampling.r1Defaults();
        return new Sampling(temperature, topP, r1.topK(), r1.minP(), maxTokens, seed);
    }

    /** How to load {@code model} with these settings. */
    public LoadSettings loadSettings(Path model) {
        return new LoadSettings(model, contextSize, threads, acceleration, LoadSettings.DEFAULT_BATCH, seed, 1);
    }

    /** The thinking markers of the model in file {@code modelFileName}, {@link ReasoningMarkers#DEFAULT} if unset. */
    public ReasoningMarkers markersFor(String modelFileName) {
        return modelFileName == null ? ReasoningMarkers.DEFAULT
                : thinkingMarkers.getOrDefault(modelFileName, ReasoningMarkers.DEFAULT);
    }

    public Settings withThreads(int newThreads) {
        return new Settings(newThreads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withContextSize(int newContextSize) {
        return new Settings(threads, newContextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withAcceleration(Acceleration newAcceleration) {
        return new Settings(threads, contextSize, newAcceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withTemperature(double newTemperature) {
        return new Settings(threads, contextSize, acceleration, newTemperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withTopP(double newTopP) {
        return new Settings(threads, contextSize, acceleration, temperature, newTopP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withMaxTokens(int newMaxTokens) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, newMaxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withSeed(long newSeed) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, newSeed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, newTheme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withFontSize(double newFontSize) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, newFontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    public Settings withThinkingCollapsedByDefault(boolean collapsed) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                collapsed, dataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    /** {@code null} returns to the platform's default folder. */
    public Settings withDataDirectory(String newDataDirectory) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, newDataDirectory, recentModels, thinkingMarkers, windowState, offlineMode);
    }

    /** {@code model} was just opened: it moves to the front of the recent models, the oldest beyond ten drop off. */
    public Settings withRecentModel(String model) {
        List<String> recent = new ArrayList<>(recentModels.size() + 1);
        recent.add(Objects.requireNonNull(model, "model"));
        recent.addAll(recentModels);
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recent, thinkingMarkers, windowState, offlineMode);
    }

    /** The model in file {@code modelFileName} uses {@code markers}; {@link ReasoningMarkers#DEFAULT} forgets them. */
    public Settings withMarkers(String modelFileName, ReasoningMarkers markers) {
        Map<String, ReasoningMarkers> map = new LinkedHashMap<>(thinkingMarkers);
        if (markers.equals(ReasoningMarkers.DEFAULT)) {
            map.remove(modelFileName);
        } else {
            map.put(modelFileName, markers);
        }
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, map, windowState, offlineMode);
    }

    public Settings withWindowState(WindowState newWindowState) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, newWindowState, offlineMode);
    }

    public Settings withOfflineMode(boolean offline) {
        return new Settings(threads, contextSize, acceleration, temperature, topP, maxTokens, seed, theme, fontSize,
                thinkingCollapsedByDefault, dataDirectory, recentModels, thinkingMarkers, windowState, offline);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Blank entries dropped, duplicates kept at their most recent place, the rest cut at the limit. */
    private static List<String> recent(List<String> models) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String model : models) {
            if (model != null && !model.isBlank()) {
                unique.add(model.strip());
            }
        }
        return unique.stream().limit(MAX_RECENT_MODELS).toList();
    }

    private static Map<String, ReasoningMarkers> markers(Map<String, ReasoningMarkers> markers) {
        markers.forEach((model, pair) -> {
            require(model != null && !model.isBlank(), "thinking markers need a model file name");
            require(pair != null, "the thinking markers of " + model + " are missing");
        });
        // Sorted, so that saving twice writes the same file.
        return Collections.unmodifiableMap(new TreeMap<>(markers));
    }
}
