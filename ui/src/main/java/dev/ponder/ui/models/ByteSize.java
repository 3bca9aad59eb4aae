package dev.ponder.ui.models;

import java.util.Locale;

/** Sizes as the Models view writes them, in the binary units an operating system shows memory in. */
final class ByteSize {

    private ByteSize() {
    }

    static String of(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
