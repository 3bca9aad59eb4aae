package dev.ponder.ui.transcript;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rendered answer as its top-level blocks of HTML. While an answer streams, each rendering differs from the last
 * only in its last block or two: the page is sent those, not the whole answer again (a long answer's HTML runs to a
 * megabyte, and passing and splitting it a dozen times a second kept WebKit's garbage collector busy on the FX
 * thread).
 */
public record AnswerBlocks(List<String> blocks) {

    public static final AnswerBlocks NONE = new AnswerBlocks(List.of());

    private static final Pattern SEPARATOR = Pattern.compile(Pattern.quote(BlockSeparator.HTML));

    public AnswerBlocks {
        blocks = List.copyOf(blocks);
    }

    /**
     * Splits HTML from {@link MarkdownRenderer} into its blocks. The line breaks between blocks are left out: a block
     * rendered first, as {@link StreamingMarkdown} renders the last one, then reads the same as when others precede it.
     */
    static AnswerBlocks of(String html) {
        return html.isEmpty() ? NONE : new AnswerBlocks(SEPARATOR.splitAsStream(html).map(String::strip).toList());
    }

    /** How many leading blocks this answer and {@code earlier} have in common. */
    int sharedWith(AnswerBlocks earlier) {
        int shared = 0;
        while (shared < blocks.size() && shared < earlier.blocks.size()
                && blocks.get(shared).equals(earlier.blocks.get(shared))) {
            shared++;
        }
        return shared;
    }

    /** The HTML of the blocks from {@code index} on, separated as the renderer separates them. */
    String htmlFrom(int index) {
        return String.join(BlockSeparator.HTML, blocks.subList(index, blocks.size()));
    }
}
