package dev.ponder.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window is started with: {@code --model FILE} preloads a model, {@code --data-dir DIR} picks the data
 * folder (the CLI's option of the same name). A model file given alone, as the desktop passes a {@code .gguf} file
 * opened with Ponder, preloads it too.
 */
public record LaunchOptions(Path model, Path dataDir) {

    private static final String MODEL = "--model";
    private static final String DATA_DIR = "--data-dir";

    public static LaunchOptions parse(List<String> args) {
        Path model = null;
        Path dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case MODEL -> model = Path.of(value(arg, args, ++i));
                case DATA_DIR -> dataDir = Path.of(value(arg, args, ++i));
                default -> {
                    if (arg.startsWith("-") || model != null) {
                        throw new IllegalArgumentException("unknown option " + arg + " (the window takes a model"
                                + " FILE or --model FILE, and --data-dir DIR; see ponder --help for the CLI)");
                    }
                    model = Path.of(arg);
                }
            }
        }
        return new LaunchOptions(model, dataDir);
    }

    /** Whether {@code arg} is one of the window's options, and so no CLI command. */
    public static boolean isWindowOption(String arg) {
        return arg.equals(MODEL) || arg.equals(DATA_DIR);
    }

    private static String value(String option, List<String> args, int index) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
