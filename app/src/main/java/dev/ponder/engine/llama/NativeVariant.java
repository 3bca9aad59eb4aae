package dev.ponder.engine.llama;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.ponder.engine.Backend;

/**
 * One build of llama.cpp's JNI library, for one backend.
 *
 * @param folder the folder holding {@code libjllama}; empty for the CPU library inside java-llama.cpp's jar
 */
public record NativeVariant(Backend backend, Optional<Path> folder) {

    /** Which backend an engine child was started for; set on its command line with the library's folder. */
    public static final String BACKEND_PROPERTY = "ponder.backend";

    public NativeVariant {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(folder, "folder");
    }

    /** java-llama.cpp's own CPU library. */
    public static NativeVariant bundledCpu() {
        return new NativeVariant(Backend.CPU, Optional.empty());
    }

    /**
     * The variant this JVM was started for: {@value #BACKEND_PROPERTY} and {@value NativeLibrary#DIR_PROPERTY}, or the
     * jar's CPU library.
     */
    public static NativeVariant fromSystemProperties() {
        String backend = System.getProperty(BACKEND_PROPERTY, Backend.CPU.label());
        String dir = System.getProperty(NativeLibrary.DIR_PROPERTY);
        return new NativeVariant(Backend.valueOf(backend.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(dir).map(Path::of));
    }

    /** The system properties that make a JVM's {@link #fromSystemProperties()} this variant. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        options.add("-D" + BACKEND_PROPERTY + "=" + backend.label());
        folder.ifPresent(dir -> options.add("-D" + NativeLibrary.DIR_PROPERTY + "=" + dir));
        return options;
    }
}
