package dev.ponder.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.settings.ConfigDirectory;
import dev.ponder.settings.Settings;
import dev.ponder.settings.SettingsStore;

/**
 * The desktop application. Opening the store and the settings happens in {@link #init()}, off the FX thread; the
 * window then shows at once, and a model given with {@code --model} loads behind it.
 */
public final class PonderApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PonderApp.class);

    /** A folder for settings instead of the platform's (tests, portable installs). */
    public static final String CONFIG_DIR_PROPERTY = "ponder.config.dir";

    private LaunchOptions options;
    private AppServices services;
    private Settings settings;
    private RuntimeException startFailure;
    private PonderWindow window;

    @Override
    public void init() {
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
            String configDir = System.getProperty(CONFIG_DIR_PROPERTY);
            SettingsStore store = new SettingsStore(configDir != null ? Path.of(configDir)
                    : ConfigDirectory.platformDefault());
            settings = store.load();
            Path dataDir = options.dataDir() != null ? options.dataDir()
                    : settings.dataDirectory() == null ? null : Path.of(settings.dataDirectory());
            services = AppServices.open(dataDir, store);
        } catch (RuntimeException e) {
            startFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (startFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startFailure.getMessage());
            alert.setHeaderText("Ponder cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        window = new PonderWindow(services, settings, stage);
        window.setDocumentOpener(getHostServices()::showDocument);
        window.show();
        logFirstFrame(stage);
        if (options.model() != null) {
            window.loadModel(options.model());
        }
    }

    /** The figure the UI benchmark reads: how long a user waits until the window is laid out and painted. */
    private static void logFirstFrame(Stage stage) {
        Runnable firstFrame = new Runnable() {
            @Override
            public void run() {
                stage.getScene().removePostLayoutPulseListener(this);
                LOG.info("window visible {} ms after the JVM started",
                        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            }
        };
        stage.getScene().addPostLayoutPulseListener(firstFrame);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
