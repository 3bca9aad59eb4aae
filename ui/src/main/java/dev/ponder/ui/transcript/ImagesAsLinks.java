package dev.ponder.ui.transcript;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import java.util.Set;

/**
 * Renders Markdown images as links: an {@code <img>} would make the WebView fetch its URL, and
 * the transcript never touches the network on its own.
 */
final class ImagesAsLinks implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Image.class, ImagesAsLinks::render),
                new NodeRenderingHandler<>(ImageRef.class, (node, context, html) -> context.renderChildren(node)));
    }

    private static void render(Image image, NodeRendererContext context, HtmlWriter html) {
        String url = image.getUrl().unescape();
        String alt = image.getText().unescape();
        String label = alt.isBlank() ? url : alt;
        if (CoreNodeRenderer.isSuppressedLinkPrefix(image.getUrl(), context)) {
            html.text(label);
            return;
        }
        html.attr("href", url).attr("class", "image-link").withAttr().tag("a");
        html.text(label);
        html.tag("/a");
    }
}
