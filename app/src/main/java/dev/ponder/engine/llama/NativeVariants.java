package dev.ponder.engine.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.ponder.engine.Backend;

/**
 * The llama.cpp builds an installation has: one folder each under a root, named after the backend
 * ({@code cpu/}, {@code vulkan/}, {@code cuda/}), each holding {@code libjllama}. In a source checkout the root is
 * {@code native/target/} ({@code native/build.sh} fills it); an installed app names its own.
 */
public final class NativeVariants {

    /** The root folder of the builds; the {@code ponder} launcher sets it to the checkout's {@code native/target}. */
    public static final String ROOT_PROPERTY = "ponder.native.root";

    private final Optional<Path> root;

    private NativeVariants(Optional<Path> root) {
        this.root = root;
    }

    public static NativeVariants at(Path root) {
        return new NativeVariants(Optional.of(root.toAbsolutePath().normalize()));
    }

    /** No builds: the CPU library inside java-llama.cpp's jar only. */
    public static NativeVariants none() {
        return new NativeVariants(Optional.empty());
    }

    /** The builds under {@value #ROOT_PROPERTY}, or none when it is not set. */
    public static NativeVariants fromSystemProperty() {
        String root = System.getProperty(ROOT_PROPERTY);
        return root == null || root.isBlank() ? none() : at(Path.of(root));
    }

    /** The folder of {@code backend}'s build, if it was built. */
    public Optional<Path> folder(Backend backend) {
        return root.map(dir -> dir.resolve(backend.label()))
                .filter(dir -> Files.isRegularFile(dir.resolve(System.mapLibraryName("jllama"))));
    }

    /** The variant to load for {@code backend}; the CPU falls back to the jar's own library when not built. */
    public Optional<NativeVariant> variant(Backend backend) {
        Optional<Path> folder = folder(backend);
        if (folder.isEmpty() && backend != Backend.CPU) {
            return Optional.empty();
        }
        return Optional.of(new NativeVariant(backend, folder));
    }

    /** The backends that can be loaded: the CPU always, the others when built. */
    public Set<Backend> built() {
        Set<Backend> built = EnumSet.of(Backend.CPU);
        for (Backend backend : Backend.values()) {
            if (folder(backend).isPresent()) {
                built.add(backend);
            }
        }
        return built;
    }

    @Override
    public String toString() {
        return root.map(Path::toString).orElse("(no native builds)");
    }
}
