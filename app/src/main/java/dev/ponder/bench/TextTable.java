package dev.ponder.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with spaces, for a terminal or a log: the first column left-aligned (a label), the others
 * right-aligned (numbers), so that digits line up.
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
                    + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table, one line per row under the header, each line ending in a newline and without trailing spaces. */
    String render() {
        int[] widths = new int[header.size()];
        for (List<String> line : allLines()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : allLines()) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? "" : GAP).append(c == 0 ? cell + pad : pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
