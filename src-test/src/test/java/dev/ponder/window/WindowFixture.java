package dev.ponder.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.ponder.chat.MessageStatus;
import dev.ponder.engine.Engine;
import dev.ponder.settings.Settings;
import dev.ponder.settings.SettingsStore;
import dev.ponder.store.Database;
import dev.ponder.ui.AppServices;
import dev.ponder.ui.testing.Fx;
import dev.ponder.ui.PonderWindow;

/**
 * Ponder's real window in a headless stage (Monocle), over a data folder and settings of the test's own and any
 * engine: the real one through its child process, or a scripted one for fast tests of the window's logic.
 */
public final class WindowFixture implements AutoCloseable {

    private final AppServices services;
    private final PonderWindow window;
    private final Stage stage;

    private WindowFixture(AppServices services, PonderWindow window, Stage stage) {
        this.services = services;
        this.window = window;
        this.stage = stage;
    }

    public static WindowFixture open(Path dir, Engine engine) throws Exception {
        return open(dir, engine, settings -> settings);
    }

    public static WindowFixture open(Path dir, Engine engine, UnaryOperator<Settings> adjust)
            throws Exception {
        return open(dir, adjust, (database, store) -> new AppServices(database, engine, store));
    }

    /**
     * Over services of the test's making, on the test's data folder and settings: a local hub to download from, a
     * machine of fixed facts.
     */
    public static WindowFixture open(Path dir, UnaryOperator<Settings> adjust,
                                     BiFunction<Database, SettingsStore, AppServices> makeServices) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        // Tests open and close windows one after another: closing one must not end the toolkit.
        Platform.setImplicitExit(false);
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        Settings settings = adjust.apply(store.load());
        AppServices services = makeServices.apply(Database.open(dir.resolve("data")), store);
        PonderWindow window = onFx(() -> {
            PonderWindow opened = new PonderWindow(services, settings, stage);
            opened.show();
            return opened;
        });
        WindowFixture fixture = new WindowFixture(services, window, stage);
        fixture.waitUntil(Duration.ofSeconds(20), () -> window.transcript().loaded());
        return fixture;
    }

    public PonderWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        return Fx.call(work);
    }

    /** Polls {@code condition} on the FX thread until it holds. */
    public void waitUntil(Duration timeout, BooleanSupplier condition) throws Exception {
        Fx.await(timeout, condition::getAsBoolean);
    }

    /** Types {@code text} into the composer and presses Send. */
    public void send(String text) throws Exception {
        onFx(() -> {
            ((TextArea) lookup("#composer-input")).setText(text);
            ((Button) lookup("#send")).fire();
            return null;
        });
    }

    /** Waits until the reply has finished and its final text is on the page; returns its message id. */
    public long awaitReply(Duration timeout) throws Exception {
        long id = awaitTurnEnd(timeout);
        // The final rendering reaches the page a moment after the turn ends.
        // A reply shown again (its version switcher changed) is briefly off the page.
        waitUntil(Duration.ofSeconds(10), () -> {
            String text = window.transcript().answerText(id);
            return text != null && !text.isEmpty();
        });
        return id;
    }

    /**
     * Waits until the reply has finished, without reading the page (which costs the FX thread time with a long
     * answer); returns its message id.
     */
    public long awaitTurnEnd(Duration timeout) throws Exception {
        waitUntil(timeout, () -> !window.chat().generatingProperty().get() && window.chat().turns().size() >= 2
                && window.chat().turns().getLast().message().status() != MessageStatus.STREAMING);
        return onFx(() -> window.chat().turns().getLast().id());
    }

    /** Saves what the window shows as {@code target/screenshots/NAME.png}, to be looked at. */
    public Path screenshot(String name) throws Exception {
        return screenshot(name, stage.getScene());
    }

    /** Saves what {@code scene} (a dialog's) shows as {@code target/screenshots/NAME.png}. */
    public static Path screenshot(String name, Scene scene) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        WritableImage image = onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /**
     * Presses a button that opens a modal dialog and returns the dialog once it shows. The press is posted, not
     * waited for: a modal dialog holds its caller until it closes.
     */
    public DialogPane openDialog(String buttonSelector) throws Exception {
        Platform.runLater(() -> ((ButtonBase) lookup(buttonSelector)).fire());
        waitUntil(Duration.ofSeconds(10), () -> dialog() != null);
        return onFx(WindowFixture::dialog);
    }

    /** The dialog showing now, or null. */
    public static DialogPane dialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(scene -> scene != null && scene.getRoot() instanceof DialogPane)
                .map(scene -> (DialogPane) scene.getRoot()).findFirst().orElse(null);
    }

    /** Presses the showing dialog's button of that text, which closes it. */
    public void pressDialogButton(String text) throws Exception {
        onFx(() -> {
            DialogPane dialog = dialog();
            ButtonType button = dialog.getButtonTypes().stream().filter(type -> type.getText().equals(text))
                    .findFirst().orElseThrow(() -> new AssertionError("the dialog has no button " + text));
            ((Button) dialog.lookupButton(button)).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), () -> dialog() == null);
    }

    public Node lookup(String selector) {
        return stage.getScene().lookup(selector);
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            window.close();
            stage.hide();
            return null;
        });
        services.close();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
