package dev.ponder.book.site;

import dev.ponder.book.content.GlossaryEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the first occurrence of each glossary term in a chapter's Markdown to its glossary entry. Matching ignores
 * case, needs whole words (a plural {@code s}/{@code es} is allowed), and tries longer terms first so that "binary
 * search tree" wins over "binary search". Never links inside fenced or indented code, inline code, math (inline or
 * display), headings, admonition titles, raw HTML, reference definitions, existing links or images, autolinks, bare
 * URLs or attribute lists.
 */
public final class KeyTermLinker {

    private record Term(String text, String anchor, Pattern pattern) {
    }

    private final List<Term> terms;
    private final String glossaryHref;

    /**
     * @param glossaryHref the glossary page relative to the page being linked, such as {@code ../../glossary.md}
     */
    public KeyTermLinker(List<GlossaryEntry> glossary, String glossaryHref) {
        this.glossaryHref = glossaryHref;
        Map<String, Term> byTerm = new LinkedHashMap<>();
        for (Map.Entry<GlossaryEntry, String> e : GlossaryPage.anchors(glossary).entrySet()) {
            String text = Md.oneLine(e.getKey().term());
            if (text.isEmpty() || text.contains("[") || text.contains("]")) {
                continue;
            }
            String key = text.toLowerCase(java.util.Locale.ROOT);
            byTerm.putIfAbsent(key, new Term(text, e.getValue(), pattern(text)));
        }
        List<Term> list = new ArrayList<>(byTerm.values());
        list.sort(Comparator.comparingInt((Term t) -> t.text().length()).reversed());
        this.terms = List.copyOf(list);
    }

    private static Pattern pattern(String term) {
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}_])");
        String[] words = term.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        if (Character.isLetterOrDigit(term.charAt(term.length() - 1))) {
            re.append("(?:e?s)?");
        }
        re.append("(?![\\p{L}\\p{N}_])");
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The text with the first linkable occurrence of every term made a link; everything else byte for byte. */
    public String link(String markdown) {
        if (markdown == null || markdown.isEmpty() || terms.isEmpty()) {
            return markdown == null ? "" : markdown;
        }
        boolean trailingNewline = markdown.endsWith("\n");
        List<String> lines = MarkdownLines.split(markdown);
        MarkdownLines.Kind[] kinds = MarkdownLines.classify(lines);
        for (Term term : terms) {
            for (int i = 0; i < lines.size(); i++) {
                if (kinds[i] != MarkdownLines.Kind.TEXT) {
                    continue;
                }
                String line = lines.get(i);
                String linked = linkFirst(line, term);
                if (linked != null) {
                    lines.set(i, linked);
                    break;
                }
            }
        }
        String joined = MarkdownLines.join(lines);
        return trailingNewline ? joined : joined.substring(0, Math.max(0, joined.length() - 1));
    }

    private String linkFirst(String line, Term term) {
        Matcher m = term.pattern().matcher(line);
        boolean[] mask = null;
        while (m.find()) {
            if (mask == null) {
                mask = MarkdownLines.protectedMask(line);
            }
            boolean free = true;
            for (int k = m.start(); k < m.end() && free; k++) {
                free = !mask[k];
            }
            if (free) {
                return line.substring(0, m.start()) + "[" + m.group() + "](" + glossaryHref + "#" + term.anchor()
                        + ")" + line.substring(m.end());
            }
        }
        return null;
    }
}
