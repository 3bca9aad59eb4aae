package dev.ponder.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import dev.ponder.engine.Backend;
import dev.ponder.engine.llama.NativeVariants;

/**
 * The llama.cpp builds of {@code native/build.sh}, for the tests that compare or exercise them. Building takes minutes
 * and, for Vulkan, packages CI does not install, so a test that needs a build skips with a loud message when it is
 * missing instead of building or failing.
 */
public final class NativeBuilds {

    private NativeBuilds() {
    }

    /** {@value NativeVariants#ROOT_PROPERTY} if set, else the checkout's {@code native/target} (tests run in app/). */
    public static Path root() {
        return Path.of(System.getProperty(NativeVariants.ROOT_PROPERTY, "../native/target")).toAbsolutePath()
                .normalize();
    }

    /** The folder of {@code backend}'s build; skips the calling test when there is none. */
    public static Path require(Backend backend) {
        Path folder = root().resolve(backend.label());
        if (!Files.isRegularFile(folder.resolve(System.mapLibraryName("jllama")))) {
            String message = "SKIPPED: no " + backend + " build of llama.cpp in " + folder + " (make it with "
                    + "native/build.sh " + backend.label() + ")";
            System.err.println("!!! " + message);
            Assumptions.abort(message);
        }
        return folder;
    }
}
