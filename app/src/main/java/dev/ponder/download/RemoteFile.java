package dev.ponder.download;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file in a Hugging Face repository: {@code owner/name}, the path inside it, and the revision (a branch, tag or
 * commit).
 */
public record RemoteFile(String repo, String path, String revision) {

    public static final String MAIN = "main";

    public RemoteFile {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(path, "path");
        revision = revision == null || revision.isBlank() ? MAIN : revision;
        if (repo.split("/", -1).length != 2 || hasBadSegment(repo) || hasBadSegment(path)
                || hasBadSegment(revision)) {
            throw new IllegalArgumentException("'" + repo + "/" + path + "' is not a file in a repository: write it"
                    + " as OWNER/REPO/FILE, e.g. bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF/"
                    + "DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf");
        }
    }

    /** {@code OWNER/REPO/FILE}, the FILE possibly in folders, as {@code ponder pull} takes it. */
    public static RemoteFile parse(String text, String revision) {
        String[] parts = text.strip().split("/", 3);
        if (parts.length < 3) {
            throw new IllegalArgumentException("'" + text + "' names no file: write it as OWNER/REPO/FILE, e.g."
                    + " bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF/DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf");
        }
        return new RemoteFile(parts[0] + "/" + parts[1], parts[2], revision);
    }

    /** The name the file gets in the models folder: the last part of its path. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return repo + "/" + path + (revision.equals(MAIN) ? "" : "@" + revision);
    }

    /** Empty segments, "." and ".." would let a name escape its folder, on the server or here. */
    private static boolean hasBadSegment(String text) {
        List<String> segments = Arrays.asList(text.split("/", -1));
        return segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("\\"));
    }
}
