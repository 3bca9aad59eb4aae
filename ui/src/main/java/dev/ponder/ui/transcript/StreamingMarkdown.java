package dev.ponder.ui.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders one answer while it streams, each time only from its last top-level block on. Markdown closes a block for
 * good once another begins after it, so the blocks before the last are kept, with the text they came from, and text
 * that arrives later is parsed from where the last block starts. Rendering a whole 10,000-token answer ten times a
 * second had kept a core busy and filled the heap with what each rendering threw away.
 *
 * <p>What only a later line can change in an earlier block (a reference-style link's definition) shows once the
 * reply ends, when its final text is rendered whole. Not thread-safe: one rendering at a time.
 */
public final class StreamingMarkdown {

    private final MarkdownRenderer renderer;
    private String keptSource = "";
    private List<String> keptBlocks = List.of();

    public StreamingMarkdown(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    public AnswerBlocks render(String markdown) {
        if (!markdown.startsWith(keptSource)) {
            keptSource = "";
            keptBlocks = List.of();
        }
        String tail = markdown.substring(keptSource.length());
        MarkdownRenderer.Located rendered = renderer.located(tail);
        List<String> tailBlocks = AnswerBlocks.of(rendered.html()).blocks();
        List<String> all = new ArrayList<>(keptBlocks.size() + tailBlocks.size());
        all.addAll(keptBlocks);
        all.addAll(tailBlocks);
        int last = tailBlocks.size() - 1;
        // A block that renders to nothing has no HTML to be told apart by: then nothing more is kept this time.
        if (last > 0 && rendered.starts().size() == tailBlocks.size()) {
            keptBlocks = List.copyOf(all.subList(0, all.size() - 1));
            keptSource = markdown.substring(0, keptSource.length() + rendered.starts().get(last));
        }
        return new AnswerBlocks(all);
    }
}
