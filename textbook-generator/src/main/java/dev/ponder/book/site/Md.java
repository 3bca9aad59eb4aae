package dev.ponder.book.site;

/** Small helpers to put plain text into Markdown and YAML. */
final class Md {

    private Md() {
    }

    /**
     * Plain text as inline Markdown that renders as itself: one line, Markdown punctuation backslash-escaped, HTML
     * and math delimiters as entities.
     */
    static String escape(String text) {
        String oneLine = oneLine(text);
        StringBuilder out = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '$' -> out.append("&#36;");
                case '|' -> out.append("&#124;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#' -> out.append('\\').append(c);
                // Only where they would start a list or an image.
                case '+', '-' -> out.append(i == 0 ? "\\" : "").append(c);
                case '.' -> out.append(oneLine.substring(0, i).matches("\\d+") ? "\\" : "").append(c);
                case '!' -> out.append(i + 1 < oneLine.length() && oneLine.charAt(i + 1) == '[' ? "\\" : "")
                        .append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Collapses line breaks and runs of white space into single spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Model-written Markdown made one line (for list items and table cells), keeping its inline markup. */
    static String inline(String markdown) {
        return oneLine(markdown);
    }

    /** A table cell: one line with pipes escaped. */
    static String cell(String markdown) {
        return oneLine(markdown).replace("|", "\\|");
    }

    /** Prefixes every non-blank line with {@code prefix} (to put Markdown inside an admonition or list item). */
    static String indent(String markdown, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : MarkdownLines.split(markdown)) {
            out.append(line.isBlank() ? "" : prefix + line).append('\n');
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
    static String yaml(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                            || c == '\ufeff' || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
