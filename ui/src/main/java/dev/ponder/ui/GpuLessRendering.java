package dev.ponder.ui;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On Linux without a GPU, JavaFX draws in software from the start. Left alone, GTK opens OpenGL when it connects
 * to the display, and JavaFX tries it first: what it finds there is Mesa's software OpenGL (llvmpipe), which JavaFX
 * refuses and falls back to its own software renderer, but by then Mesa and LLVM are loaded, about 50 MB of the
 * window's memory for nothing (UiBenchmark under Xvfb: 340 MB resident with a 200-message conversation, 287 MB
 * without). A machine with a GPU device, or a user's own {@code prism.order} or {@code GDK_GL}, is left as it is.
 */
final class GpuLessRendering {

    private static final Logger LOG = LoggerFactory.getLogger(GpuLessRendering.class);

    private GpuLessRendering() {
    }

    /** Must run before JavaFX starts: GTK reads its environment once, when it connects to the display. */
    static void chooseBeforeJavaFxStarts() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || System.getProperty("prism.order") != null
                || System.getenv("GDK_GL") != null || hasGpuDevice(Path.of("/dev"))) {
            return;
        }
        System.setProperty("prism.order", "sw");
        try {
            keepGtkOffOpenGl();
        } catch (Throwable e) {
            // Only memory is at stake: the window works the same with OpenGL loaded.
            LOG.debug("could not keep GTK off OpenGL", e);
        }
    }

    /** Whether {@code dev} has a device a hardware OpenGL driver would use: DRM (Mesa, most drivers) or NVIDIA's. */
    static boolean hasGpuDevice(Path dev) {
        if (Files.isDirectory(dev.resolve("dri"))) {
            try (Stream<Path> devices = Files.list(dev.resolve("dri"))) {
                if (devices.anyMatch(device -> device.getFileName().toString().matches("card\\d+|renderD\\d+"))) {
                    return true;
                }
            } catch (IOException e) {
                // Unsure: JavaFX finds out for itself, as it always did.
                return true;
            }
        }
        return Files.exists(dev.resolve("nvidiactl"));
    }

    /** {@code GDK_GL=disable} for this process: Java cannot change its own environment, the C library can. */
    private static void keepGtkOffOpenGl() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int failed = (int) setenv.invokeExact(arena.allocateFrom("GDK_GL"), arena.allocateFrom("disable"), 0);
            if (failed != 0) {
                LOG.debug("setenv GDK_GL failed");
            }
        }
    }
}
