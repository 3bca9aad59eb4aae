package dev.ponder.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers, a crash or a power cut see either the old content or the new, never a half-written
 * file: the text goes to a temporary file beside the target, is flushed to the disk, then renamed over the target.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, replacing it. The file is owner-only on POSIX systems, like
     * everything Ponder writes. On failure the target is untouched and the temporary file is removed.
     */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code target} the same way as {@link #writeString}. */
    public static void writeBytes(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // Without this, a power cut soon after the rename can leave an empty file under the target's name.
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network and FUSE file systems have no atomic rename; a plain replace is the best they offer.
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        removeLeftovers(absolute);
    }

    /** Temporary files of earlier writes of {@code target} that a killed process never renamed. */
    private static void removeLeftovers(Path target) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
                "." + target.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
