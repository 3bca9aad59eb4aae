package dev.ponder.models.catalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.ponder.download.RemoteFile;

/**
 * One GGUF file of a catalogued model.
 *
 * @param size      the size as the source page prints it ("4.68 GB"), or null when unknown
 * @param sizeBytes the exact size where a Git LFS pointer gave it, else null
 * @param sha256    the checksum the source page lists, or null when unknown
 * @param source    the page the figures were copied from, or null
 * @param note      what is not known, when something is not
 */
public record CatalogFile(String quantization, String repo, String file, String revision, String size,
                          Long sizeBytes, String sha256, String source, String note) {

    private static final Map<String, Long> UNITS = Map.of("KB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L,
            "TB", 1_000_000_000_000L);

    /** Where to download it. */
    @JsonIgnore
    public RemoteFile remote() {
        return new RemoteFile(repo, file, revision);
    }

    /** The size in bytes: exact, or from the page's rounded figure (within half a unit of its last digit); null when unknown. */
    @JsonIgnore
    public Long bytes() {
        if (sizeBytes != null) {
            return sizeBytes;
        }
        if (size == null) {
            return null;
        }
        String[] parts = size.strip().split("\\s+");
        Long unit = parts.length == 2 ? UNITS.get(parts[1].toUpperCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new IllegalStateException("the catalog's size '" + size + "' of " + file + " has no known unit");
        }
        return new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(unit)).longValueExact();
    }
}
