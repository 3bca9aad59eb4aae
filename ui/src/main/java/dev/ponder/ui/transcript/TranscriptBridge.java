package dev.ponder.ui.transcript;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * What the page's script may call, set as {@code window.ponderBridge}. Public because WebView
 * reaches it by reflection; the view keeps it in a field because WebView holds it only weakly.
 */
public final class TranscriptBridge {

    private final TranscriptAction actions;
    private final Consumer<String> copies;
    private final Consumer<String> links;
    private final DoubleConsumer widths;

    TranscriptBridge(TranscriptAction actions, Consumer<String> copies, Consumer<String> links, DoubleConsumer widths) {
        this.actions = actions;
        this.copies = copies;
        this.links = links;
        this.widths = widths;
    }

    public void action(String kind, String messageId) {
        actions.perform(TranscriptAction.Kind.valueOf(kind), Long.parseLong(messageId));
    }

    public void copyText(String text) {
        copies.accept(text);
    }

    public void openLink(String url) {
        links.accept(url);
    }

    public void thinkingWidth(double px) {
        widths.accept(px);
    }
}
