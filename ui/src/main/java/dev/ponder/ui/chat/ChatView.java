package dev.ponder.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import atlantafx.base.theme.Styles;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import dev.ponder.engine.Role;
import dev.ponder.ui.Background;
import dev.ponder.ui.transcript.AnswerBlocks;
import dev.ponder.ui.transcript.MarkdownRenderer;
import dev.ponder.ui.transcript.TranscriptAction;
import dev.ponder.ui.transcript.TranscriptView;

/**
 * The centre of the window: a banner for problems, the transcript, and the composer. It mirrors the view-model's
 * turns into the transcript; a streaming reply reaches it through {@link StreamingPulse}.
 */
public final class ChatView extends BorderPane {

    private final ChatViewModel model;
    private final TranscriptView transcript;
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final Background background;
    private final Composer composer;
    private final StreamingPulse pulse;
    /**
     * Turns a conversation opens with: its newest ones. Older turns come in steps on request, so that a long
     * conversation costs the page (WebKit's memory and layout) only what the user looks at.
     */
    static final int SHOWN_AT_ONCE = 60;

    /** The turns the transcript shows now, in order: the view-model's turns from {@link #firstShown} on. */
    private final List<Turn> shown = new ArrayList<>();
    private final IntegerProperty firstShown = new SimpleIntegerProperty();
    /**
     * The id of the turn the transcript's window starts at, shown or still being rendered (-1 for none): a sync that
     * finds the same turn at {@link #firstShown} keeps the window, earlier turns the user asked for included.
     */
    private long windowStart = -1;
    private long syncGeneration;

    public ChatView(ChatViewModel model, TranscriptView transcript, Background background,
                    BooleanSupplier foldThinkingWhenDone) {
        this.model = model;
        this.transcript = transcript;
        this.background = background;
        this.composer = new Composer(model);
        this.pulse = new StreamingPulse(model, transcript, renderer, background, foldThinkingWhenDone);
        getStyleClass().add("chat-view");

        setTop(banner());
        setCenter(new StackPane(transcript, emptyHint(), earlierButton()));
        setBottom(composer);

        transcript.setOnAction(this::act);
        model.turns().addListener((ListChangeListener<Turn>) change -> sync());
        pulse.start();
    }

    public TranscriptView transcript() {
        return transcript;
    }

    public void focusComposer() {
        composer.focusInput();
    }

    private Region earlierButton() {
        Button earlier = new Button();
        earlier.setId("show-earlier");
        earlier.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED);
        earlier.textProperty().bind(Bindings.createStringBinding(() -> "Show "
                + Math.min(SHOWN_AT_ONCE, firstShown.get()) + " earlier messages", firstShown));
        earlier.visibleProperty().bind(firstShown.greaterThan(0));
        earlier.setOnAction(event -> showEarlier());
        StackPane.setAlignment(earlier, Pos.TOP_CENTER);
        StackPane.setMargin(earlier, new Insets(8));
        return earlier;
    }

    private void showEarlier() {
        firstShown.set(Math.max(0, firstShown.get() - SHOWN_AT_ONCE));
        windowStart = model.turns().get(firstShown.get()).id();
        shown.clear();
        transcript.clear();
        sync();
    }

    /** What an empty conversation shows: where to start. */
    private Region emptyHint() {
        Label title = new Label("What would you like to think through?");
        title.getStyleClass().add(Styles.TITLE_3);
        Label detail = new Label("Write below to start (with a model chosen at the top). The model's thinking "
                + "appears beside its answer as it works.");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        detail.setMaxWidth(420);
        detail.setTextAlignment(TextAlignment.CENTER);
        VBox hint = new VBox(8, title, detail);
        hint.setId("empty-hint");
        hint.setAlignment(Pos.CENTER);
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(Bindings.isEmpty(model.turns()));
        return hint;
    }

    private Region banner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.problemProperty());
        Button close = new Button("Dismiss");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(event -> model.dismissProblem());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(12, text, spacer, close);
        banner.setId("problem-banner");
        banner.getStyleClass().addAll("banner", Styles.DANGER);
        banner.visibleProperty().bind(model.problemProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return new VBox(banner);
    }

    private void act(TranscriptAction.Kind kind, long messageId) {
        switch (kind) {
            case COPY -> model.turns().stream().filter(turn -> turn.id() == messageId).findFirst()
                    .ifPresent(turn -> transcript.copyToClipboard(turn.message().answer()));
            case EDIT -> model.turns().stream().filter(turn -> turn.id() == messageId).findFirst()
                    .ifPresent(turn -> composer.edit(messageId, turn.message().answer()));
            case REGENERATE -> model.regenerate();
            case BRANCH_PREVIOUS -> model.switchBranch(messageId, -1);
            case BRANCH_NEXT -> model.switchBranch(messageId, 1);
        }
    }

    /**
     * Brings the transcript in line with the view-model's turns: keeps the common beginning, removes what differs,
     * adds the rest. New user messages and the streaming reply are added at once; stored replies are rendered off the
     * FX thread first, and a render that a later change overtook is dropped.
     */
    private void sync() {
        List<Turn> all = List.copyOf(model.turns());
        int start = firstShown.get();
        boolean sameWindow = start < all.size() && all.get(start).id() == windowStart;
        if (!sameWindow) {
            // Another conversation: its newest turns.
            start = Math.max(0, all.size() - SHOWN_AT_ONCE);
        }
        Long reveal = model.revealProperty().get();
        int revealAt = reveal == null ? -1 : indexOf(all, reveal);
        if (revealAt >= 0 && revealAt < start) {
            // A search hit among older turns: show from a little before it.
            start = Math.max(0, revealAt - 2);
            shown.clear();
            transcript.clear();
        }
        firstShown.set(start);
        windowStart = start < all.size() ? all.get(start).id() : -1;
        List<Turn> target = all.subList(start, all.size());
        int common = 0;
        while (common < shown.size() && common < target.size() && shown.get(common).id() == target.get(common).id()) {
            Turn now = target.get(common);
            if (!shown.get(common).equals(now)) {
                Turn before = shown.get(common);
                if (now.message().role() == Role.USER || before.branchCount() != now.branchCount()
                        || before.branchIndex() != now.branchIndex()) {
                    // Its version switcher changed: it is shown again, with what follows it.
                    break;
                }
                showFinal(now);
                shown.set(common, now);
            }
            common++;
        }
        if (common < shown.size()) {
            if (common == 0) {
                transcript.clear();
            } else {
                transcript.removeFrom(shown.get(common).id());
            }
            shown.subList(common, shown.size()).clear();
        }
        List<Turn> rest = target.subList(common, target.size());
        long generation = ++syncGeneration;
        if (rest.stream().allMatch(ChatView::addedWhole)) {
            rest.forEach(this::showNew);
            shown.addAll(rest);
            revealPending();
            return;
        }
        background.run(() -> rest.stream().map(turn -> turn.message().role() == Role.ASSISTANT
                ? renderer.renderBlocks(turn.message().answer()) : AnswerBlocks.NONE).toList(), html -> {
                    if (generation != syncGeneration) {
                        return;
                    }
                    for (int i = 0; i < rest.size(); i++) {
                        showStored(rest.get(i), html.get(i));
                    }
                    shown.addAll(rest);
                    transcript.scrollToBottom();
                    revealPending();
                }, model::report);
    }

    /** Reveals the search hit the view-model asked for, once it is on the page. */
    private void revealPending() {
        Long reveal = model.revealProperty().get();
        if (reveal != null && shown.stream().anyMatch(turn -> turn.id() == reveal)) {
            transcript.reveal(reveal);
            model.revealed();
        }
    }

    private static int indexOf(List<Turn> turns, long id) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** User messages and the reply being streamed need no rendering before they are shown. */
    private static boolean addedWhole(Turn turn) {
        return turn.message().role() == Role.USER || turn.message().status() == MessageStatus.STREAMING;
    }

    private void showNew(Turn turn) {
        Message message = turn.message();
        if (message.role() == Role.USER) {
            transcript.addUser(message.id(), message.answer(), turn.branchIndex() - 1, turn.branchCount());
        } else {
            transcript.addAssistant(message.id(), turn.branchIndex() - 1, turn.branchCount());
        }
        transcript.scrollToBottom();
    }

    /** A reply that just finished: its final text replaces the streamed rendering. */
    private void showFinal(Turn turn) {
        Message message = turn.message();
        background.run(() -> renderer.renderBlocks(message.answer()), html -> {
            transcript.setAnswer(message.id(), html);
            decorate(message);
        }, model::report);
    }

    private void showStored(Turn turn, AnswerBlocks html) {
        Message message = turn.message();
        if (message.role() == Role.USER) {
            transcript.addUser(message.id(), message.answer(), turn.branchIndex() - 1, turn.branchCount());
            return;
        }
        transcript.addAssistant(message.id(), turn.branchIndex() - 1, turn.branchCount());
        if (!message.thinking().isEmpty()) {
            transcript.appendThinking(message.id(), message.thinking());
        }
        transcript.setAnswer(message.id(), html);
        decorate(message);
    }

    private void decorate(Message message) {
        String header = MessageLabels.thinkingHeader(message);
        if (header != null) {
            transcript.setThinkingLabel(message.id(), header);
        }
        String status = MessageLabels.status(message);
        if (status != null) {
            transcript.setStatus(message.id(), status, message.status() == MessageStatus.ERROR);
        }
    }
}
