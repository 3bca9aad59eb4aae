package dev.ponder.ui.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lifts TeX out of Markdown before flexmark parses it, so that {@code _} and {@code *} inside math
 * never become emphasis and {@code \(} never loses its backslash, then puts it back as elements
 * for KaTeX. Code is left alone: fences and code spans are skipped while scanning, and a math
 * placeholder that still lands in code (an indented block) is restored as its original text.
 */
final class MathSpans {

    enum Kind { INLINE, DISPLAY, PENDING }

    /** @param at where its placeholder starts in the protected Markdown */
    record Span(Kind kind, String tex, String source, int at) {

        /** How much shorter the protected Markdown is for this span: its placeholder for its source. */
        int shrink(int index) {
            return source.length() - (2 + Integer.toString(index).length());
        }
    }

    // Private-use characters: Markdown gives them no meaning and models do not write them.
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private static final Pattern FENCE = Pattern.compile("[ \\t]*(`{3,}|~{3,})");

    // A display span that is a paragraph of its own becomes a block; <br> around display math
    // (soft breaks) would otherwise leave blank lines above and below it.
    private static final Pattern RESTORE = Pattern.compile(
            "<p>" + OPEN + "(\\d+)" + CLOSE + "</p>"
                    + "|(<br\\s*/?>\\s*)?" + OPEN + "(\\d+)" + CLOSE + "(\\s*<br\\s*/?>)?"
                    + "|(<code\\b[^>]*>)|(</code>)|(<[^>]*>)");

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private final String source;
    private final StringBuilder out;
    private final List<Span> spans = new ArrayList<>();
    private int pos;

    private MathSpans(String markdown) {
        this.source = markdown;
        this.out = new StringBuilder(markdown.length());
    }

    /** The protected Markdown and what its placeholders stand for. */
    record Protected(String markdown, List<Span> spans) {

        String restore(String html) {
            if (spans.isEmpty()) {
                return html;
            }
            Matcher m = RESTORE.matcher(html);
            StringBuilder result = new StringBuilder(html.length() + spans.size() * 32);
            boolean inCode = false;
            while (m.find()) {
                String replacement;
                if (m.group(1) != null) {
                    Span span = span(m.group(1));
                    replacement = span.kind() == Kind.INLINE
                            ? "<p>" + element(span, "span") + "</p>"
                            : element(span, "div");
                } else if (m.group(3) != null) {
                    Span span = span(m.group(3));
                    String before = m.group(2) == null ? "" : m.group(2);
                    String after = m.group(4) == null ? "" : m.group(4);
                    if (inCode) {
                        replacement = before + escape(span.source()) + after;
                    } else if (span.kind() == Kind.INLINE) {
                        replacement = before + element(span, "span") + after;
                    } else {
                        replacement = element(span, "span");
                    }
                } else if (m.group(5) != null) {
                    inCode = true;
                    replacement = m.group(5);
                } else if (m.group(6) != null) {
                    inCode = false;
                    replacement = m.group(6);
                } else {
                    replacement = PLACEHOLDER.matcher(m.group(7))
                            .replaceAll(p -> Matcher.quoteReplacement(escape(span(p.group(1)).source())));
                }
                m.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(result);
            return result.toString();
        }

        /** Where a position in the protected Markdown (outside math) was in the Markdown as written. */
        int sourceOffset(int protectedOffset) {
            int offset = protectedOffset;
            for (int i = 0; i < spans.size() && spans.get(i).at() < protectedOffset; i++) {
                offset += spans.get(i).shrink(i);
            }
            return offset;
        }

        private Span span(String index) {
            return spans.get(Integer.parseInt(index));
        }

        private static String element(Span span, String tag) {
            return switch (span.kind()) {
                case INLINE -> "<" + tag + " class=\"math-inline\">" + escape(span.tex()) + "</" + tag + ">";
                case DISPLAY -> "<" + tag + " class=\"math-display\">" + escape(span.tex()) + "</" + tag + ">";
                // Still streaming: show the source as it arrives instead of a KaTeX error.
                case PENDING -> "<" + tag + " class=\"math-pending\">" + escape(span.source()) + "</" + tag + ">";
            };
        }
    }

    static Protected protect(String markdown) {
        MathSpans scanner = new MathSpans(markdown);
        scanner.scan();
        return new Protected(scanner.out.toString(), List.copyOf(scanner.spans));
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private void scan() {
        int n = source.length();
        boolean lineStart = true;
        while (pos < n) {
            if (lineStart && skipFencedBlock()) {
                continue;
            }
            char c = source.charAt(pos);
            lineStart = c == '\n';
            if (c == '`') {
                skipCodeSpan();
            } else if (c == '\\' && pos + 1 < n) {
                lineStart = backslash();
            } else if (c == '$') {
                dollar();
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    /** Copies a fenced code block (to its closing fence, or to the end while it streams). */
    private boolean skipFencedBlock() {
        int lineEnd = lineEnd(pos);
        Matcher open = FENCE.matcher(source).region(pos, lineEnd);
        if (!open.lookingAt()) {
            return false;
        }
        String fence = open.group(1);
        if (fence.charAt(0) == '`' && source.substring(open.end(), lineEnd).indexOf('`') >= 0) {
            return false; // a backtick in the info string: an inline code span, not a fence
        }
        int end = source.length();
        for (int line = Math.min(lineEnd + 1, end); line < source.length(); line = lineEnd(line) + 1) {
            String text = source.substring(line, lineEnd(line)).strip();
            if (text.length() >= fence.length() && text.chars().allMatch(ch -> ch == fence.charAt(0))) {
                end = Math.min(lineEnd(line) + 1, source.length());
                break;
            }
        }
        out.append(source, pos, end);
        pos = end;
        return true;
    }

    private void skipCodeSpan() {
        int run = runLength(pos, '`');
        int search = pos + run;
        // A code span ends with its paragraph: backticks further on must not hide later paragraphs' math.
        Matcher blank = BLANK_LINE.matcher(source);
        int paragraphEnd = blank.find(search) ? blank.start() : source.length();
        while (true) {
            int next = source.indexOf('`', search);
            if (next < 0 || next >= paragraphEnd) {
                break;
            }
            int closing = runLength(next, '`');
            if (closing == run) {
                out.append(source, pos, next + run);
                pos = next + run;
                return;
            }
            search = next + closing;
        }
        // No closing run: the backticks are literal text.
        out.append(source, pos, pos + run);
        pos += run;
    }

    /** Handles {@code \(…\)}, {@code \[…\]} and Markdown escapes; returns whether a line starts. */
    private boolean backslash() {
        char next = source.charAt(pos + 1);
        if (next == '(' && closeAt("\\)", pos + 2, Kind.INLINE)) {
            return false;
        }
        if (next == '[' && (closeAt("\\]", pos + 2, Kind.DISPLAY) || pendingDisplay())) {
            return false;
        }
        // An escaped character (\$ above all) stays as Markdown wrote it.
        out.append('\\').append(next);
        pos += 2;
        return next == '\n';
    }

    private void dollar() {
        if (pos + 1 < source.length() && source.charAt(pos + 1) == '$') {
            if (!closeAt("$$", pos + 2, Kind.DISPLAY) && !pendingDisplay()) {
                out.append("$$");
                pos += 2;
            }
            return;
        }
        int close = inlineClose();
        if (close < 0) {
            out.append('$'); // a price like $5, not math
            pos++;
            return;
        }
        add(Kind.INLINE, source.substring(pos + 1, close), close + 1);
    }

    /** Pandoc's rule: no space just inside the dollars, no digit right after the closing one. */
    private int inlineClose() {
        int n = source.length();
        if (pos + 1 >= n || Character.isWhitespace(source.charAt(pos + 1))) {
            return -1;
        }
        for (int i = pos + 1; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(source.charAt(i - 1));
                boolean digitAfter = i + 1 < n && Character.isDigit(source.charAt(i + 1));
                return spaceBefore || digitAfter ? -1 : i;
            }
        }
        return -1;
    }

    private boolean closeAt(String closing, int from, Kind kind) {
        int close = source.indexOf(closing, from);
        if (close < 0 || source.substring(from, close).isBlank()) {
            return false;
        }
        add(kind, source.substring(from, close), close + closing.length());
        return true;
    }

    /** An unclosed display opener at the start of a line is math still streaming in. */
    private boolean pendingDisplay() {
        int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
        if (!source.substring(lineStart, pos).isBlank()) {
            return false;
        }
        add(Kind.PENDING, source.substring(pos + 2), source.length());
        return true;
    }

    private void add(Kind kind, String tex, int end) {
        int at = out.length();
        out.append(OPEN).append(spans.size()).append(CLOSE);
        spans.add(new Span(kind, tex.strip(), source.substring(pos, end), at));
        pos = end;
    }

    private int lineEnd(int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private int runLength(int from, char c) {
        int i = from;
        while (i < source.length() && source.charAt(i) == c) {
            i++;
        }
        return i - from;
    }
}
