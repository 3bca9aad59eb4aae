package dev.ponder.ui.transcript;

import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks the boundaries between an answer's top-level blocks in its HTML, so the page can keep
 * the blocks that did not change while the answer streams (see transcript.js). A comment cannot
 * come from the model: its raw HTML is escaped.
 */
final class BlockSeparator extends Node {

    static final String HTML = "<!--block-->";

    /** Puts a separator between every two top-level blocks of the document. */
    static void insertInto(Document document) {
        List<Node> blocks = new ArrayList<>();
        document.getChildren().forEach(blocks::add);
        for (Node block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
            block.insertBefore(new BlockSeparator());
        }
    }

    static NodeRenderer renderer() {
        return () -> Set.of(new NodeRenderingHandler<>(BlockSeparator.class, (node, context, html) -> html.raw(HTML)));
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
