package dev.ponder.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window is started with: {@code --model FILE} preloads a model, {@code --data-dir DIR} picks the data
 * folder (the CLI's option of the same name).
 */
public record LaunchOptions(Path model, Path dataDir) {

    public static LaunchOptions parse(List<String> args) {
        Path model = null;
        Path dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--model" -> model = Path.of(required(arg, value));
                case "--data-dir" -> dataDir = Path.of(required(arg, value));
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (the window takes --model FILE and --data-dir DIR; see ./ponder --help for the CLI)");
            }
            i++;
        }
        return new LaunchOptions(model, dataDir);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
