package dev.ponder.book.site;

import dev.ponder.book.content.GlossaryEntry;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The glossary page {@code docs/glossary.md}: entries alphabetised, each a {@code ### Term { #anchor }} heading followed
 * by its definition, so that chapters can link {@code ../../glossary.md#anchor}.
 */
public final class GlossaryPage {

    /** Ids the page itself uses (the title), never given to a term. */
    private static final Set<String> RESERVED = Set.of("glossary");

    private GlossaryPage() {
    }

    /**
     * The anchor of a term on the glossary page: lower case ASCII letters and digits joined by single hyphens, accents
     * dropped ({@code "Big-O Notation"} → {@code big-o-notation}, {@code "Café Möbius"} → {@code cafe-mobius}); a term
     * with no letter or digit gets {@code term}. Two terms with the same anchor (or the reserved {@code glossary}) are
     * told apart on the page by {@code -2}, {@code -3}…: use {@link #anchors} for the exact ids.
     */
    public static String glossaryAnchor(String term) {
        String ascii = Normalizer.normalize(term == null ? "" : term, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "term" : slug;
    }

    /** The entries in page order: alphabetical, case- and accent-insensitive, ties by the exact term. */
    static List<GlossaryEntry> sorted(List<GlossaryEntry> glossary) {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.SECONDARY);
        List<GlossaryEntry> entries = new ArrayList<>(glossary.stream()
                .filter(e -> e.term() != null && !e.term().isBlank()).toList());
        entries.sort(Comparator.comparing((GlossaryEntry e) -> e.term().strip(), collator)
                .thenComparing(e -> e.term().strip()));
        return entries;
    }

    /**
     * The id each entry gets on the page, keyed by entry in page order; duplicates are suffixed. Several entries for the
     * same term (ignoring case) all appear, each with its own id.
     */
    public static Map<GlossaryEntry, String> anchors(List<GlossaryEntry> glossary) {
        Map<GlossaryEntry, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(RESERVED);
        for (GlossaryEntry entry : sorted(glossary)) {
            String base = glossaryAnchor(entry.term());
            String id = base;
            for (int k = 2; used.contains(id); k++) {
                id = base + "-" + k;
            }
            used.add(id);
            ids.putIfAbsent(entry, id);
        }
        return ids;
    }

    static String render(List<GlossaryEntry> glossary, LinkSanitizer sanitizer, List<String> notes) {
        StringBuilder md = new StringBuilder("# Glossary\n\n");
        Map<GlossaryEntry, String> ids = anchors(glossary);
        if (ids.isEmpty()) {
            md.append("The glossary is empty.\n");
        }
        for (Map.Entry<GlossaryEntry, String> e : ids.entrySet()) {
            md.append("### ").append(Md.escape(e.getKey().term())).append(" { #").append(e.getValue())
                    .append(" }\n\n");
            String definition = sanitizer.sanitize(e.getKey().definition(), "glossary.md", notes);
            md.append(definition.isBlank() ? "*No definition.*\n" : definition).append('\n');
        }
        return md.toString();
    }
}
