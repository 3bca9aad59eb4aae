package dev.ponder.book.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-by-line reading of Markdown good enough to know where code, math, headings and raw HTML are, so that the
 * linker and the sanitizer leave them alone. It follows Python-Markdown with pymdownx.superfences and arithmatex (what
 * MkDocs renders with), erring towards "protected" where unsure.
 */
final class MarkdownLines {

    enum Kind {
        /** A fence line or a line inside fenced code (superfences, any indentation). */
        FENCE,
        /** Display math: {@code $$ ... $$}, {@code \[ ... \]}, {@code \begin{env} ... \end{env}}. */
        MATH,
        /** ATX heading or a setext heading (text line and its underline). */
        HEADING,
        /** A raw HTML block (from a line starting with a tag after a blank line, up to the next blank line). */
        HTML,
        /** An indented code block. */
        INDENTED_CODE,
        /** An admonition or details opener ({@code !!! note "Title"}, {@code ??? success}). */
        ADMONITION,
        /** A table delimiter row or a horizontal rule. */
        RULE,
        /** A reference link definition {@code [id]: url}. */
        LINK_DEF,
        BLANK,
        /** Prose: paragraphs, list items, table rows, block quotes. */
        TEXT
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(\\s.*)?$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern ADMONITION_OPEN = Pattern.compile("^\\s*(!!!|\\?\\?\\?\\+?)(\\s.*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d{1,9}[.)])(\\s.*)?$");
    private static final Pattern RULE = Pattern.compile(
            "^ {0,3}((\\*\\s*){3,}|(-\\s*){3,}|(_\\s*){3,}|\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*|\\|\\s*:?-+:?\\s*\\|?)$");
    static final Pattern LINK_DEF = Pattern.compile("^ {0,3}\\[([^\\]]+)]:\\s*(<[^>]*>|\\S+)?.*$");
    private static final Pattern HTML_START = Pattern.compile("^ {0,3}<[A-Za-z/!?].*$");

    private MarkdownLines() {
    }

    /** Splits on line ends, keeping no terminators; a trailing newline gives no extra empty line. */
    static List<String> split(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    static int indent(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4 - width % 4;
            } else {
                return width;
            }
        }
        return width;
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    /** Appends a closing fence when the text ends inside fenced code, so code never swallows what follows. */
    static String closeOpenFence(String markdown) {
        List<String> lines = split(markdown);
        String openFence = null;
        String openIndent = "";
        for (String line : lines) {
            if (openFence == null) {
                Matcher m = FENCE_OPEN.matcher(line);
                if (m.matches() && !(m.group(2).charAt(0) == '`' && m.group(3).contains("`"))) {
                    openFence = m.group(2);
                    openIndent = m.group(1);
                }
            } else if (closes(line, openFence)) {
                openFence = null;
            }
        }
        if (openFence == null) {
            return markdown;
        }
        return join(lines) + openIndent + openFence + "\n";
    }

    private static boolean closes(String line, String fence) {
        String t = line.strip();
        if (t.length() < fence.length()) {
            return false;
        }
        char c = fence.charAt(0);
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    static Kind[] classify(List<String> lines) {
        Kind[] kinds = new Kind[lines.size()];
        String fence = null;
        String mathEnd = null;
        boolean inHtml = false;
        boolean inIndented = false;
        boolean prevBlank = true;
        boolean container = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = indent(line);
            String t = line.strip();
            if (fence != null) {
                kinds[i] = Kind.FENCE;
                if (closes(line, fence)) {
                    fence = null;
                }
                prevBlank = false;
                continue;
            }
            if (mathEnd != null) {
                kinds[i] = Kind.MATH;
                if (t.contains(mathEnd)) {
                    mathEnd = null;
                }
                prevBlank = false;
                continue;
            }
            if (t.isEmpty()) {
                kinds[i] = Kind.BLANK;
                prevBlank = true;
                inHtml = false;
                continue;
            }
            if (inHtml) {
                kinds[i] = Kind.HTML;
                prevBlank = false;
                continue;
            }
            if (inIndented) {
                if (indent >= 4) {
                    kinds[i] = Kind.INDENTED_CODE;
                    continue;
                }
                inIndented = false;
            }
            Matcher fm = FENCE_OPEN.matcher(line);
            if (fm.matches() && !(fm.group(2).charAt(0) == '`' && fm.group(3).contains("`"))) {
                kinds[i] = Kind.FENCE;
                fence = fm.group(2);
                prevBlank = false;
                continue;
            }
            String mathOpen = t.startsWith("$$") ? "$$" : t.startsWith("\\[") ? "\\]"
                    : t.startsWith("\\begin{") ? "\\end{" : null;
            if (mathOpen != null) {
                kinds[i] = Kind.MATH;
                int from = mathOpen.equals("\\end{") ? 7 : 2;
                if (!t.substring(from).contains(mathOpen)) {
                    mathEnd = mathOpen;
                }
                prevBlank = false;
                continue;
            }
            if (indent >= 4 && prevBlank && !container) {
                inIndented = true;
                kinds[i] = Kind.INDENTED_CODE;
                continue;
            }
            if (indent >= 4) {
                // Content of a list item or an admonition.
                kinds[i] = ADMONITION_OPEN.matcher(line).matches() ? Kind.ADMONITION : Kind.TEXT;
                prevBlank = false;
                continue;
            }
            if (ATX.matcher(line).matches()) {
                kinds[i] = Kind.HEADING;
                container = false;
            } else if (ADMONITION_OPEN.matcher(line).matches()) {
                kinds[i] = Kind.ADMONITION;
                container = true;
            } else if (SETEXT.matcher(line).matches() && !prevBlank && i > 0 && kinds[i - 1] == Kind.TEXT) {
                kinds[i - 1] = Kind.HEADING;
                kinds[i] = Kind.HEADING;
            } else if (RULE.matcher(line).matches()) {
                kinds[i] = Kind.RULE;
                if (prevBlank) {
                    container = false;
                }
            } else if (LINK_DEF.matcher(line).matches()) {
                kinds[i] = Kind.LINK_DEF;
            } else if (prevBlank && HTML_START.matcher(line).matches()) {
                kinds[i] = Kind.HTML;
                inHtml = true;
                container = false;
            } else if (LIST_ITEM.matcher(line).matches()) {
                kinds[i] = Kind.TEXT;
                container = true;
            } else {
                kinds[i] = Kind.TEXT;
                if (prevBlank) {
                    container = false;
                }
            }
            prevBlank = false;
        }
        return kinds;
    }

    /**
     * Marks the characters of one line that must not be touched by the linker: code spans, inline math, links and
     * images (text and destination), HTML tags and autolinks, attribute lists, entities, bare URLs and escapes.
     */
    static boolean[] protectedMask(String line) {
        int n = line.length();
        boolean[] mask = new boolean[n];
        Matcher url = Pattern.compile("(?i)\\b(?:https?://|ftp://|mailto:|www\\.)\\S+").matcher(line);
        while (url.find()) {
            mark(mask, url.start(), url.end());
        }
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int end;
            if (c == '\\') {
                end = Math.min(n, i + 2);
                if (i + 1 < n && (line.charAt(i + 1) == '(' || line.charAt(i + 1) == '[')) {
                    String close = line.charAt(i + 1) == '(' ? "\\)" : "\\]";
                    int j = line.indexOf(close, i + 2);
                    end = j < 0 ? n : j + 2;
                }
            } else if (c == '`') {
                int run = runLength(line, i, '`');
                int j = findRun(line, i + run, '`', run);
                end = j < 0 ? i + run : j + run;
            } else if (c == '$') {
                if (i + 1 < n && line.charAt(i + 1) == '$') {
                    int j = line.indexOf("$$", i + 2);
                    end = j < 0 ? n : j + 2;
                } else {
                    int j = unescapedIndexOf(line, '$', i + 1);
                    end = j < 0 ? n : j + 1;
                }
            } else if (c == '[' || (c == '!' && i + 1 < n && line.charAt(i + 1) == '[')) {
                int open = c == '!' ? i + 1 : i;
                int close = matching(line, open, '[', ']');
                end = close < 0 ? n : close + 1;
                if (close >= 0 && end < n && line.charAt(end) == '(') {
                    int p = matching(line, end, '(', ')');
                    end = p < 0 ? n : p + 1;
                } else if (close >= 0 && end < n && line.charAt(end) == '[') {
                    int p = matching(line, end, '[', ']');
                    end = p < 0 ? n : p + 1;
                }
            } else if (c == '<') {
                int j = line.indexOf('>', i + 1);
                end = j < 0 ? n : j + 1;
            } else if (c == '{') {
                int j = line.indexOf('}', i + 1);
                end = j < 0 ? i + 1 : j + 1;
            } else if (c == '&') {
                Matcher m = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);").matcher(line)
                        .region(i, n);
                end = m.lookingAt() ? m.end() : i + 1;
            } else {
                i++;
                continue;
            }
            mark(mask, i, end);
            i = Math.max(end, i + 1);
        }
        return mask;
    }

    static int runLength(String s, int from, char c) {
        int j = from;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - from;
    }

    /** The start of the next run of exactly {@code length} characters {@code c} at or after {@code from}, or -1. */
    static int findRun(String s, int from, char c, int length) {
        int j = from;
        while (j < s.length()) {
            if (s.charAt(j) == c) {
                int run = runLength(s, j, c);
                if (run == length) {
                    return j;
                }
                j += run;
            } else {
                j++;
            }
        }
        return -1;
    }

    private static int unescapedIndexOf(String s, char c, int from) {
        for (int j = from; j < s.length(); j++) {
            if (s.charAt(j) == '\\') {
                j++;
            } else if (s.charAt(j) == c) {
                return j;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}, honouring nesting, escapes and code spans. */
    static int matching(String s, int open, char o, char c) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char ch = s.charAt(j);
            if (ch == '\\') {
                j++;
            } else if (ch == '`') {
                int run = runLength(s, j, '`');
                int k = findRun(s, j + run, '`', run);
                j = (k < 0 ? j + run : k + run) - 1;
            } else if (ch == o) {
                depth++;
            } else if (ch == c) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    private static void mark(boolean[] mask, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(mask.length, to); k++) {
            mask[k] = true;
        }
    }
}
