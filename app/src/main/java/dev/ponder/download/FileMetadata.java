package dev.ponder.download;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the host says about a file before it is downloaded.
 *
 * @param sha256 the content's SHA-256 in lower-case hex, or null when the host gave none
 * @param size   bytes, or -1 when unknown
 */
record FileMetadata(String sha256, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * The SHA-256 in a response's headers. Hugging Face gives an LFS file's SHA-256 as {@code X-Linked-Etag} on the
     * redirect to its storage, and as {@code ETag} where it serves the file itself; an ETag that is not 64 hex
     * digits (a git blob hash, a storage MD5) is no SHA-256 and is ignored.
     */
    static Optional<String> sha256(HttpHeaders headers) {
        return headers.firstValue("x-linked-etag").or(() -> headers.firstValue("etag"))
                .map(FileMetadata::unquoted)
                .filter(tag -> SHA256.matcher(tag).matches());
    }

    /** The file size: {@code X-Linked-Size} on a redirect, else the body's length on a plain answer. */
    static long size(HttpHeaders headers, boolean isRedirect) {
        Optional<String> linked = headers.firstValue("x-linked-size");
        Optional<String> value = linked.isPresent() || isRedirect ? linked : headers.firstValue("content-length");
        try {
            return value.map(Long::parseLong).filter(n -> n >= 0).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unquoted(String etag) {
        String tag = etag.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        return tag.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
