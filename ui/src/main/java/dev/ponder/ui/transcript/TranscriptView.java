package dev.ponder.ui.transcript;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.animation.AnimationTimer;
import javafx.concurrent.Worker;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * The chat transcript: one WebView for the whole conversation (a WebView per message is too
 * heavy, and JavaFX text cannot be selected across messages). User messages are bubbles;
 * an assistant turn shows its thinking beside the answer.
 *
 * <p>Use it on the FX thread. Calls made before the page has loaded are queued and replayed, so
 * a caller never waits for it; the test hooks ({@link #answerText} and the like) need the page
 * loaded. Message ids are the store's ids.
 */
public final class TranscriptView extends StackPane {

    private static final System.Logger LOG = System.getLogger(TranscriptView.class.getName());

    /** Made a frame after the window first shows: starting WebKit takes about a second, the window should not. */
    private WebView web;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final DoubleProperty thinkingWidth = new SimpleDoubleProperty(this, "thinkingWidth", 320);
    private final List<Consumer<JSObject>> pending = new ArrayList<>();
    /** The messages on the page, in its order, with the answer each shows (none for a user's). */
    private final Map<Long, AnswerBlocks> answers = new LinkedHashMap<>();
    private final ContextMenu contextMenu = new ContextMenu();
    private TranscriptAction onAction = (kind, id) -> {};
    private Consumer<String> onCopyText = this::copyToClipboard;
    private Consumer<String> onOpenLink = url -> {};
    // A field, not a local: the page holds the bridge only weakly, and a collected bridge fails silently.
    private final TranscriptBridge bridge = new TranscriptBridge(
            (kind, id) -> onAction.perform(kind, id),
            text -> onCopyText.accept(text),
            url -> onOpenLink.accept(url),
            thinkingWidth::set);

    private JSObject page;

    public TranscriptView() {
        getStyleClass().add("transcript-view");
        thinkingWidth.addListener((observable, before, px) -> call("setThinkingWidth", px.doubleValue()));
        call("setThinkingWidth", thinkingWidth.get());
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The first frame paints the window; the page starts on the next.
                if (++frames == 2) {
                    stop();
                    startPage();
                }
            }
        }.start();
    }

    private void startPage() {
        web = new WebView();
        // WebView's own menu offers "Reload page", which would wipe the transcript.
        web.setContextMenuEnabled(false);
        web.setOnContextMenuRequested(this::showContextMenu);
        // Transparent until the page paints, so a dark window does not flash white.
        web.setPageFill(Color.TRANSPARENT);
        WebEngine engine = web.getEngine();
        engine.setCreatePopupHandler(features -> null);
        engine.getLoadWorker().stateProperty().addListener((observable, before, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                attach();
            } else if (state == Worker.State.FAILED) {
                LOG.log(System.Logger.Level.ERROR, "The transcript page failed to load",
                        engine.getLoadWorker().getException());
            }
        });
        getChildren().add(web);
        engine.loadContent(TranscriptPage.html());
    }

    public void clear() {
        answers.clear();
        call("clear");
    }

    /** A user message as plain text; {@code branchIndex} counts from 0, a switcher shows when {@code branchCount > 1}. */
    public void addUser(long id, String text, int branchIndex, int branchCount) {
        answers.put(id, AnswerBlocks.NONE);
        call("addUser", key(id), text, branchIndex, branchCount);
    }

    /** An assistant reply, with a switcher when it has other versions (regenerated answers). */
    public void addAssistant(long id, int branchIndex, int branchCount) {
        answers.put(id, AnswerBlocks.NONE);
        call("addAssistant", key(id), branchIndex, branchCount);
    }

    /** Scrolls message {@code id} into view and marks it for a moment: where a search hit is. */
    public void reveal(long id) {
        call("reveal", key(id));
    }

    /** Appends plain text to the thinking column; cheap enough for every frame. */
    public void appendThinking(long id, String text) {
        call("appendThinking", key(id), text);
    }

    /** The header over the thinking, e.g. "Thinking… 12 s · 340 tokens" or "Thought for 12 s". */
    public void setThinkingLabel(long id, String label) {
        call("setThinkingLabel", key(id), label);
    }

    public void setThinkingCollapsed(long id, boolean collapsed) {
        call("setThinkingCollapsed", key(id), collapsed);
    }

    /**
     * Replaces the answer with a rendering from {@link MarkdownRenderer}; code and math in it are typeset. Only the
     * blocks after those it shares with the answer shown are sent: while an answer streams, the one being written.
     */
    public void setAnswer(long id, AnswerBlocks answer) {
        AnswerBlocks before = answers.get(id);
        if (before == null) {
            return;
        }
        int unchanged = answer.sharedWith(before);
        answers.put(id, answer);
        if (unchanged == answer.blocks().size() && unchanged == before.blocks().size()) {
            return;
        }
        call("replaceAnswerFrom", key(id), unchanged, answer.htmlFrom(unchanged));
    }

    /** A line under the answer, muted or (for errors) red; an empty text removes it. */
    public void setStatus(long id, String text, boolean error) {
        call("setStatus", key(id), text, error);
    }

    /** Removes this message and every message after it. */
    public void removeFrom(long id) {
        boolean removing = false;
        for (Iterator<Long> shown = answers.keySet().iterator(); shown.hasNext(); ) {
            removing |= shown.next() == id;
            if (removing) {
                shown.remove();
            }
        }
        call("removeFrom", key(id));
    }

    /** Follows new text, unless the user has scrolled up to read. */
    public void scrollToBottom() {
        call("scrollToBottom");
    }

    public void setDark(boolean dark) {
        call("setDark", dark);
    }

    public void setFontSize(double px) {
        call("setFontSize", px);
    }

    /** Whether turns added from now on start with their thinking collapsed. */
    public void setThinkingCollapsedByDefault(boolean collapsed) {
        call("setThinkingCollapsedByDefault", collapsed);
    }

    /** The thinking column's width in pixels, shared by all turns; follows the user's dragging. */
    public DoubleProperty thinkingWidthProperty() {
        return thinkingWidth;
    }

    public void setOnAction(TranscriptAction handler) {
        onAction = Objects.requireNonNull(handler);
    }

    /** Receives a code block's text when its Copy button is pressed; by default it goes to the clipboard. */
    public void setOnCopyText(Consumer<String> handler) {
        onCopyText = Objects.requireNonNull(handler);
    }

    /** Receives http(s) and mailto links the user clicks; the transcript itself never navigates. */
    public void setOnOpenLink(Consumer<String> handler) {
        onOpenLink = Objects.requireNonNull(handler);
    }

    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public boolean loaded() {
        return loaded.get();
    }

    /** Test hook: the answer's text as shown, or null when there is no such message. */
    public String answerText(long id) {
        return (String) query("answerText", key(id));
    }

    /** Test hook. */
    public String thinkingText(long id) {
        return (String) query("thinkingText", key(id));
    }

    /** Test hook. */
    public String thinkingLabel(long id) {
        return (String) query("thinkingLabel", key(id));
    }

    /** Test hook. */
    public boolean isThinkingCollapsed(long id) {
        return Boolean.TRUE.equals(query("isThinkingCollapsed", key(id)));
    }

    /** Test hook: messages shown, user and assistant. */
    /** Test hook: the "2 / 3" of a message's version switcher, or null when it has one version. */
    public String branchLabel(long id) {
        return (String) query("branchLabel", key(id));
    }

    /** Whether message {@code id} is marked as a search hit just now. */
    public boolean isRevealed(long id) {
        return (Boolean) query("isFound", key(id));
    }

    public int messageCount() {
        return ((Number) query("messageCount")).intValue();
    }

    /** For this package's tests: what the hooks above do not cover. */
    Object executeScript(String script) {
        requireLoaded();
        return web.getEngine().executeScript(script);
    }

    private void attach() {
        WebEngine engine = web.getEngine();
        ((JSObject) engine.executeScript("window")).setMember("ponderBridge", bridge);
        page = (JSObject) engine.executeScript("ponder");
        pending.forEach(call -> call.accept(page));
        pending.clear();
        loaded.set(true);
    }

    private void call(String function, Object... args) {
        if (page == null) {
            pending.add(loadedPage -> loadedPage.call(function, args));
        } else {
            page.call(function, args);
        }
    }

    private Object query(String function, Object... args) {
        requireLoaded();
        return page.call(function, args);
    }

    private void requireLoaded() {
        if (page == null) {
            throw new IllegalStateException("The transcript page has not loaded yet");
        }
    }

    private void showContextMenu(ContextMenuEvent event) {
        String selection = (String) web.getEngine().executeScript("String(window.getSelection())");
        MenuItem copy = new MenuItem("Copy");
        copy.setDisable(selection.isEmpty());
        copy.setOnAction(action -> copyToClipboard(selection));
        contextMenu.getItems().setAll(copy);
        contextMenu.show(web, event.getScreenX(), event.getScreenY());
    }

    // JavaScript numbers cannot hold every long exactly; the page keys messages by string.
    private static String key(long id) {
        return Long.toString(id);
    }
}
