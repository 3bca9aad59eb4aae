package dev.ponder.book.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the solutions of model-written exercises into collapsed {@code ??? success "Solution"} blocks.
 *
 * <p>Recognised as the start of a solution (outside code and outside existing admonitions), at any indentation:
 * {@code Solution:}, {@code **Solution:**}, {@code **Solution**:}, {@code *Solution*}, {@code Solution 2:},
 * {@code Solution to exercise 3:}, {@code #### Solution} (a heading), and the same with {@code Answer}; text after the
 * label becomes the block's first line. The solution runs until the next heading, horizontal rule, {@code Exercise} /
 * {@code Problem} label, next solution label, a line less indented than the label (when the label sits inside a list
 * item), or, when the exercises are a numbered list, the next exercise number (numbered steps inside the solution, which
 * count from 1, are told apart). A label indented inside a list item gives
 * a block indented to the item's content (four spaces). Text that already uses {@code ???} blocks is left as it is.
 */
final class ExerciseFormatter {

    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(\\s*)(#{1,6}\\s+)?([*_]{0,2})((?:worked\\s+|sample\\s+|suggested\\s+|model\\s+)?(?:solution|answer)"
                    + "(?:\\s+(?:to\\s+)?(?:exercise\\s+|problem\\s+)?\\d+(?:\\.\\d+)*)?)\\s*([:.]?)\\s*((?:\\3)?)\\s*"
                    + "([:.]?)\\s*(.*)$");
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)^ {0,3}(#{1,6}(\\s|$)|((\\*\\s*){3,}|(-\\s*){3,}|(_\\s*){3,})$|[*_]{0,2}(exercise|problem)\\b)");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,9})[.)]\\s.*");

    private ExerciseFormatter() {
    }

    static String format(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> lines = MarkdownLines.split(MarkdownLines.closeOpenFence(markdown));
        MarkdownLines.Kind[] kinds = MarkdownLines.classify(lines);
        List<String> out = new ArrayList<>();
        int admonitionIndent = -1;
        int lastTopNumber = -1;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            MarkdownLines.Kind kind = kinds[i];
            int indent = MarkdownLines.indent(line);
            if (admonitionIndent >= 0 && kind != MarkdownLines.Kind.BLANK && indent <= admonitionIndent) {
                admonitionIndent = -1;
            }
            if (kind == MarkdownLines.Kind.ADMONITION) {
                admonitionIndent = indent;
            }
            if (kind == MarkdownLines.Kind.TEXT && indent == 0) {
                Matcher num = NUMBERED.matcher(line);
                if (num.matches()) {
                    lastTopNumber = parse(num.group(1));
                }
            }
            if (BOUNDARY.matcher(line).find() && kind != MarkdownLines.Kind.FENCE) {
                lastTopNumber = NUMBERED.matcher(line).matches() ? lastTopNumber : -1;
            }
            Matcher label = admonitionIndent < 0 && (kind == MarkdownLines.Kind.TEXT
                    || kind == MarkdownLines.Kind.HEADING) ? LABEL.matcher(line) : null;
            if (label == null || !label.matches() || !isLabel(label)) {
                out.add(line);
                i++;
                continue;
            }
            // Inside a list item Python-Markdown wants content at a multiple of four spaces.
            String pad = " ".repeat(indent == 0 ? 0 : (indent + 3) / 4 * 4);
            String rest = label.group(8).strip();
            String emphasis = label.group(3);
            if (!emphasis.isEmpty() && rest.endsWith(emphasis) && label.group(6).isEmpty()) {
                rest = rest.substring(0, rest.length() - emphasis.length()).strip();
            }
            List<String> body = new ArrayList<>();
            if (!rest.isEmpty()) {
                body.add(rest);
            }
            int j = i + 1;
            int lastStep = 0;
            while (j < lines.size()) {
                String next = lines.get(j);
                MarkdownLines.Kind nk = kinds[j];
                if (nk != MarkdownLines.Kind.BLANK && nk != MarkdownLines.Kind.FENCE
                        && nk != MarkdownLines.Kind.MATH && nk != MarkdownLines.Kind.INDENTED_CODE) {
                    int ni = MarkdownLines.indent(next);
                    if (ni < indent) {
                        break;
                    }
                    if (ni == indent && (BOUNDARY.matcher(next.substring(Math.min(indent, next.length())))
                            .find() || isLabelLine(next))) {
                        break;
                    }
                    if (indent == 0 && ni == 0) {
                        Matcher num = NUMBERED.matcher(next);
                        if (num.matches()) {
                            // Steps of the solution count 1, 2, 3…; the next exercise is the exercise's number + 1.
                            int k = parse(num.group(1));
                            if (k == lastStep + 1) {
                                lastStep = k;
                            } else if (lastTopNumber >= 0 && k == lastTopNumber + 1) {
                                break;
                            }
                        }
                    }
                }
                body.add(next.length() >= indent && next.substring(0, indent).isBlank()
                        ? next.substring(indent) : next.stripLeading());
                j++;
            }
            while (!body.isEmpty() && body.getLast().isBlank()) {
                body.removeLast();
            }
            while (!body.isEmpty() && body.getFirst().isBlank()) {
                body.removeFirst();
            }
            if (!out.isEmpty() && !out.getLast().isBlank()) {
                out.add("");
            }
            out.add(pad + "??? success \"Solution\"");
            if (body.isEmpty()) {
                out.add(pad + "    *No solution given.*");
            }
            for (String b : body) {
                out.add(b.isBlank() ? "" : pad + "    " + b);
            }
            out.add("");
            i = j;
        }
        return MarkdownLines.join(out);
    }

    private static boolean isLabel(Matcher m) {
        boolean heading = m.group(2) != null;
        boolean colon = !m.group(5).isEmpty() || !m.group(7).isEmpty();
        boolean emphasis = !m.group(3).isEmpty() && !m.group(6).isEmpty();
        boolean alone = m.group(8).isBlank() && m.group(3).isEmpty();
        return heading || colon || emphasis || alone;
    }

    private static boolean isLabelLine(String line) {
        Matcher m = LABEL.matcher(line);
        return m.matches() && isLabel(m);
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
