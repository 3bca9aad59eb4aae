package dev.ponder.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.ServedModel;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.settings.Settings;
import dev.ponder.settings.Theme;
import dev.ponder.settings.WindowState;
import dev.ponder.ui.book.BooksView;
import dev.ponder.ui.book.BooksViewModel;
import dev.ponder.ui.book.NewBookDialog;
import dev.ponder.ui.chat.ChatView;
import dev.ponder.ui.chat.ChatViewModel;
import dev.ponder.ui.connections.ConnectionsViewModel;
import dev.ponder.ui.conversations.ConversationsView;
import dev.ponder.ui.conversations.ConversationsViewModel;
import dev.ponder.ui.layout.MainWindow;
import dev.ponder.ui.model.ModelBar;
import dev.ponder.ui.model.ModelViewModel;
import dev.ponder.ui.models.ModelsView;
import dev.ponder.ui.models.ModelsViewModel;
import dev.ponder.ui.settings.SettingsDialog;
import dev.ponder.ui.settings.SettingsModel;
import dev.ponder.ui.transcript.TranscriptView;

/**
 * Ponder's main window over a set of services: builds the view-models and views, follows the theme, restores and
 * saves where the window was. The application opens it over the real services; tests over a scripted engine.
 */
public final class PonderWindow {

    private static final Logger LOG = LoggerFactory.getLogger(PonderWindow.class);

    private final AppServices services;
    private final Stage stage;
    private final SettingsModel settings;
    private final ChatViewModel chat;
    private final ConversationsViewModel conversations;
    private final ModelViewModel model;
    private final ConnectionsViewModel connections;
    private ModelsViewModel models;
    private final TranscriptView transcript = new TranscriptView();
    private final ChatView chatView;
    private final ConversationsView sidebar;
    private final BooksViewModel books;
    private BooksView booksView;
    private ModelsView modelsView;
    private boolean dark;
    private final MainWindow window;
    private Consumer<String> openDocument = address -> LOG.info("open {}", address);

    public PonderWindow(AppServices services, Settings loaded, Stage stage) {
        this.services = services;
        this.stage = stage;
        Background background = services.background();
        chat = new ChatViewModel(services.chat(), services.engine(), background, this::turnSettings);
        settings = new SettingsModel(services.settings(), loaded, background, chat::report);
        conversations = new ConversationsViewModel(services.repository(), background, chat::report);
        chat.setOnConversationsChanged(conversations::refresh);
        connections = new ConnectionsViewModel(services.connections(), background);
        model = new ModelViewModel(services.engine(), services.connections(), background,
                file -> settings.get().loadSettings(file),
                file -> settings.update(s -> s.withRecentModel(file.toAbsolutePath().toString())), chat::report);
        transcript.thinkingWidthProperty().set(loaded.windowState().thinkingWidth());
        chatView = new ChatView(chat, transcript, background, () -> settings.get().thinkingCollapsedByDefault());
        sidebar = new ConversationsView(conversations, chat::newChat, chat::open, chat::openAt);
        chat.conversationIdProperty().addListener((observable, old, id) -> sidebar.select(id));
        ModelBar bar = new ModelBar(model, connections, () -> settings.get().recentModels(), this::openSettings);
        books = new BooksViewModel(services.booksDirectory(), background, loaded.threads());
        window = new MainWindow(bar, sidebar, chatView, chat, model, this::booksView, this::modelsView);
        connections.refresh();
    }

    /** The thinking markers are kept per model name: a file's, or a server's model's. */
    private ChatViewModel.TurnSettings turnSettings() {
        Settings now = settings.get();
        return new ChatViewModel.TurnSettings(now.sampling(), now.markersFor(servedName()));
    }

    private String servedName() {
        return services.engine().served().map(ServedModel::name).orElse(null);
    }

    /** The Models view's "Use": the file loads, and the chat it is for comes to the front. */
    private void useModel(Path file) {
        model.load(file);
        window.showChat();
    }

    /** Shows the window where it was last time, with the last conversation open. */
    public void show() {
        Scene scene = new Scene(window);
        scene.getStylesheets().add(Objects.requireNonNull(PonderWindow.class.getResource("ponder.css"))
                .toExternalForm());
        installShortcuts(scene);
        applyTheme(settings.get());
        settings.settingsProperty().addListener((observable, old, now) -> applyTheme(now));
        Platform.getPreferences().colorSchemeProperty().addListener((observable, old, now) ->
                applyTheme(settings.get()));
        stage.setScene(scene);
        stage.setTitle("Ponder");
        restore(settings.get().windowState());
        stage.show();

        services.settings().loadWarning().ifPresent(chat::reportText);
        conversations.refresh();
        Long last = settings.get().windowState().lastConversationId();
        if (last != null) {
            chat.open(last);
        }
        chatView.focusComposer();
    }

    /** How addresses (a built site, a folder) are opened: the desktop's browser or file manager. */
    public void setDocumentOpener(Consumer<String> opener) {
        openDocument = opener;
    }

    /** A book is written by a local model: the file in use is offered first. */
    private void newBook() {
        Path file = model.localFile();
        new NewBookDialog(stage, services.background(), settings.get().recentModels(),
                file == null ? null : file.toAbsolutePath().toString())
                .ask().ifPresent(books::create);
    }

    /** The Textbooks view, made the first time it is asked for. */
    public BooksView booksView() {
        if (booksView == null) {
            booksView = new BooksView(books, this::newBook, address -> openDocument.accept(address));
            booksView.jobView().graphEditor().setDark(dark);
            books.refresh();
        }
        return booksView;
    }

    /** The Models view, made the first time it is asked for. */
    private ModelsView modelsView() {
        if (modelsView == null) {
            modelsView = new ModelsView(models(), address -> openDocument.accept(address));
        }
        return modelsView;
    }

    public BooksViewModel books() {
        return books;
    }

    public MainWindow layout() {
        return window;
    }

    public void loadModel(Path file) {
        model.load(file);
    }

    public ChatViewModel chat() {
        return chat;
    }

    public ConversationsViewModel conversations() {
        return conversations;
    }

    public ModelViewModel model() {
        return model;
    }

    /** The Models view's state, made with the view (or when a test asks): it holds the download queue. */
    public ModelsViewModel models() {
        if (models == null) {
            models = new ModelsViewModel(Catalog.bundled(), services.hardware(), services.downloads(),
                    services.background(), () -> settings.get().contextSize() > 0 ? settings.get().contextSize()
                    : LoadSettings.DEFAULT_CONTEXT, this::useModel);
            models.offlineProperty().bind(Bindings.createBooleanBinding(() -> settings.get().offlineMode(),
                    settings.settingsProperty()));
        }
        return models;
    }

    public ConnectionsViewModel connections() {
        return connections;
    }

    public SettingsModel settings() {
        return settings;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    private void openSettings() {
        new SettingsDialog(stage, settings.get(), servedName(), connections).ask()
                .ifPresent(changed -> settings.update(s -> changed));
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            chat.newChat();
            chatView.focusComposer();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                sidebar::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), chat::stop);
    }

    private void applyTheme(Settings current) {
        dark = current.theme() == Theme.DARK || current.theme() == Theme.SYSTEM
                && Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        transcript.setDark(dark);
        if (booksView != null) {
            booksView.jobView().graphEditor().setDark(dark);
        }
        transcript.setFontSize(current.fontSize());
        transcript.setThinkingCollapsedByDefault(current.thinkingCollapsedByDefault());
    }

    private void restore(WindowState state) {
        stage.setWidth(state.width());
        stage.setHeight(state.height());
        if (state.hasPosition()) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        window.setSidebarPosition(Math.min(0.5, state.sidebarWidth() / state.width()));
    }

    /** Keeps where the window was and carries out a delete still waiting for its undo. */
    public void close() {
        conversations.commitPendingDelete();
        books.cancelJobs();
        WindowState old = settings.get().windowState();
        WindowState now = (stage.isMaximized() ? old.withMaximized(true)
                : old.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()).withMaximized(false))
                .withSidebarWidth(window.sidebarPosition() * stage.getWidth())
                .withThinkingWidth(transcript.thinkingWidthProperty().get())
                .withLastConversationId(chat.conversationIdProperty().get());
        settings.update(s -> s.withWindowState(now));
        LOG.debug("window state kept: {}", now);
    }
}
