package dev.ponder.ui.transcript;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's Markdown into the HTML the transcript shows. Thread-safe and meant to be
 * shared: answers are rendered off the FX thread while they stream.
 *
 * <p>The model's text is untrusted: raw HTML is shown as text, links other than http(s) and
 * mailto are shown as their text, and images become links. Math ({@code $…$}, {@code \(…\)},
 * {@code $$…$$}, {@code \[…\]}) comes out as {@code span.math-inline} / {@code div.math-display}
 * holding the escaped TeX for KaTeX; fenced code keeps its {@code language-xxx} class for
 * highlight.js. Top-level blocks are separated by {@link BlockSeparator#HTML}.
 */
public final class MarkdownRenderer {

    // Matched against the whole URL as written; everything that is not plainly web or mail goes.
    private static final String UNSAFE_LINK = "(?is)(?!\\s*(https?:|mailto:|www\\.)).*";

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        TaskListExtension.create(),
                        AutolinkExtension.create()))
                // GitHub's table rules: models write tables for GitHub.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.SUPPRESSED_LINKS, UNSAFE_LINK)
                // Models end lines where they mean a line break, as in a chat box.
                .set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(unused -> new ImagesAsLinks())
                .nodeRendererFactory(unused -> BlockSeparator.renderer())
                .build();
    }

    /** The answer's HTML as its blocks, for {@link TranscriptView#setAnswer}. */
    public AnswerBlocks renderBlocks(String markdown) {
        return AnswerBlocks.of(render(markdown));
    }

    public String render(String markdown) {
        MathSpans.Protected math = MathSpans.protect(markdown);
        return html(math, parser.parse(math.markdown()));
    }

    /**
     * The HTML, and where each top-level block's first line starts in {@code markdown}: one start a block of
     * {@link #renderBlocks}.
     */
    Located located(String markdown) {
        MathSpans.Protected math = MathSpans.protect(markdown);
        Document document = parser.parse(math.markdown());
        List<Integer> starts = new ArrayList<>();
        // From the start of the block's first line: an indented code block's own start is after its indent.
        document.getChildren().forEach(block -> starts.add(math.sourceOffset(
                math.markdown().lastIndexOf('\n', block.getStartOffset() - 1) + 1)));
        return new Located(html(math, document), List.copyOf(starts));
    }

    private String html(MathSpans.Protected math, Document document) {
        BlockSeparator.insertInto(document);
        return math.restore(renderer.render(document));
    }

    record Located(String html, List<Integer> starts) {
    }
}
