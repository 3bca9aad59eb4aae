package dev.ponder.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The free space a download may use; a seam so that a full disk can be tested without filling one. */
@FunctionalInterface
public interface DiskSpace {

    long usableBytes(Path folder) throws IOException;

    /** What the file system says. */
    static DiskSpace fileSystem() {
        return folder -> Files.getFileStore(folder).getUsableSpace();
    }
}
