package dev.ponder.engine.llama;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Puts the llama.cpp JNI library where only this user can write, and points java-llama.cpp at it.
 *
 * <p>Left alone, the binding extracts its library under a fixed name into the shared temp folder and loads whatever
 * file is there, so another local user could plant one; it also deletes every file named {@code llama*} in that
 * folder first. Here the library is copied once into a private folder named after its content hash and verified on
 * every start, and the binding's temp folder is a private empty one. A build from {@code native/} (see
 * {@link NativeVariants}) is loaded from its own folder instead.
 */
public final class NativeLibrary {

    /** A folder that already holds the library to load: how the engine child is told which build to use. */
    public static final String DIR_PROPERTY = "ponder.native.dir";

    private static final String BINDING_LIB_PATH = "de.kherud.llama.lib.path";
    private static final String BINDING_TMP_DIR = "de.kherud.llama.tmpdir";

    private static volatile Path prepared;

    private NativeLibrary() {
    }

    /**
     * Puts {@code variant}'s library in place and loads it, before the binding would: the binding quietly falls back to
     * its own CPU library when the one it was pointed at does not load, and the reason (a missing CUDA driver, say)
     * would be lost. Returns the library's folder. One JVM loads one library: asking for another variant's afterwards
     * fails.
     *
     * @throws IOException          when the library cannot be put in place, or this JVM already uses another variant's
     * @throws UnsatisfiedLinkError when the library does not load, with the system's reason
     */
    public static synchronized Path prepare(Path cacheRoot, NativeVariant variant) throws IOException {
        String fileName = System.mapLibraryName("jllama");
        if (prepared != null && Files.isRegularFile(prepared.resolve(fileName))) {
            if (variant.folder().isPresent() && !variant.folder().get().equals(prepared)) {
                throw new IOException("this process already uses the llama.cpp library in " + prepared
                        + ", and one process can load only one; the engine child starts anew for another backend");
            }
            return prepared;
        }
        Path dir = variant.folder().isPresent() ? variant.folder().get() : extractBundled(cacheRoot);
        Path scratch = privateDir(cacheRoot.resolve("native").resolve("binding-tmp"));
        // First the binding's properties: loading the library runs its JNI_OnLoad, which initializes the binding's
        // classes, whose loader then loads the library named there (the same one, already in progress: a no-op).
        System.setProperty(BINDING_LIB_PATH, dir.toString());
        System.setProperty(BINDING_TMP_DIR, scratch.toString());
        System.load(dir.resolve(fileName).toAbsolutePath().toString());
        prepared = dir;
        return dir;
    }

    /** The library this JVM was started for (see {@link NativeVariant#fromSystemProperties()}). */
    public static Path prepare(Path cacheRoot) throws IOException {
        return prepare(cacheRoot, NativeVariant.fromSystemProperties());
    }

    /** The default place for the private copy: the user's cache folder for Ponder. */
    public static Path defaultCacheRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("Ponder/cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Caches/Ponder");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("ponder");
    }

    private static Path extractBundled(Path cacheRoot) throws IOException {
        String fileName = System.mapLibraryName("jllama");
        String resource = "/de/kherud/llama/" + platformFolder() + "/" + fileName;
        byte[] library;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("java-llama.cpp has no native library for this platform (" + resource
                        + "); build one with native/build.sh cpu and point -D" + NativeVariants.ROOT_PROPERTY
                        + " at native/target");
            }
            library = in.readAllBytes();
        }
        String hash = sha256(library);
        Path dir = privateDir(cacheRoot.resolve("native").resolve(hash.substring(0, 16)));
        Path target = dir.resolve(fileName);
        if (!Files.exists(target) || !hash.equals(sha256(Files.readAllBytes(target)))) {
            Path temporary = Files.createTempFile(dir, fileName, ".part");
            Files.write(temporary, library);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** The binding's folder names: Linux/x86_64, Mac/aarch64, Windows/x86_64 … */
    static String platformFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osFolder = os.contains("win") ? "Windows" : os.contains("mac") ? "Mac" : "Linux";
        String archFolder = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
        return osFolder + "/" + archFolder;
    }

    private static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
