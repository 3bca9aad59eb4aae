package dev.ponder.ui.models;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.LocalModels;
import dev.ponder.models.catalog.CatalogEntry;
import dev.ponder.ui.model.GgufChooser;

/**
 * Models: what this machine has on top; the catalog of reasoning models with how each file would run here, and a
 * field for any other GGUF on the hub, on the left; downloads and the models already here on the right. A GGUF file
 * dropped anywhere on the view is imported.
 */
public final class ModelsView extends BorderPane {

    private static final String OFFLINE_TIP = "Offline mode is on (Settings), so Ponder downloads nothing.";

    private final ModelsViewModel model;
    private final Consumer<String> openDocument;
    private final VBox downloadRows = new VBox(8);

    /** @param openDocument opens an address in the desktop's file manager or browser */
    public ModelsView(ModelsViewModel model, Consumer<String> openDocument) {
        this.model = model;
        this.openDocument = openDocument;
        setId("models-view");
        getStyleClass().add("models-view");

        setTop(new VBox(machineLine(), noticeLine()));
        SplitPane split = new SplitPane(catalogPane(), sidePane());
        split.setDividerPositions(0.62);
        setCenter(split);
        acceptDroppedModels();
        // Shown by the mode switch: the machine is probed the first time, the folder read again each time.
        parentProperty().addListener((observable, old, parent) -> {
            if (parent != null) {
                model.shown();
            }
        });
    }

    private Node machineLine() {
        Label cpu = fact("hardware-cpu", Material2MZ.MEMORY);
        Label memory = fact("hardware-memory", Material2MZ.SD_STORAGE);
        Label gpu = fact("hardware-gpu", Material2AL.DEVELOPER_BOARD);
        Label disk = fact("hardware-disk", Material2MZ.STORAGE);
        model.hardwareProperty().addListener((observable, old, hardware) -> {
            cpu.setText(HardwareSummary.cpu(hardware.cpu()));
            cpu.setTooltip(new Tooltip(HardwareSummary.instructionSets(hardware.cpu())));
            memory.setText(HardwareSummary.memory(hardware.memory()));
            gpu.setText(HardwareSummary.gpus(hardware.gpus()));
            disk.setText(HardwareSummary.disk(hardware.disk()));
        });
        HBox facts = new HBox(18, cpu, memory, gpu, disk);
        facts.setAlignment(Pos.CENTER_LEFT);
        facts.visibleProperty().bind(model.hardwareProperty().isNotNull());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label checking = new Label("Checking what this computer can run…", spinner);
        checking.getStyleClass().add(Styles.TEXT_MUTED);
        checking.visibleProperty().bind(model.probingProperty());
        checking.managedProperty().bind(checking.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button again = new Button("Check again", new FontIcon(Material2MZ.REFRESH));
        again.setId("probe-again");
        again.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        again.setTooltip(new Tooltip("Probe the CPU, memory and GPUs again: free memory changes as programs run"));
        again.disableProperty().bind(model.probingProperty());
        again.setOnAction(event -> model.probe());

        HBox line = new HBox(12, checking, facts, spacer, again);
        line.getStyleClass().add("hardware-line");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(8, 12, 8, 12));
        return line;
    }

    private static Label fact(String id, Ikon icon) {
        Label label = new Label("", new FontIcon(icon));
        label.setId(id);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node noticeLine() {
        Label offline = new Label(OFFLINE_TIP + " Turn offline mode off in Settings to download.",
                new FontIcon(Material2AL.CLOUD_OFF));
        offline.setId("offline-notice");
        offline.getStyleClass().addAll("notice", Styles.WARNING);
        offline.visibleProperty().bind(model.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());

        Label notice = new Label();
        notice.setId("models-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(Bindings.createStringBinding(() -> model.noticeProperty().get().text(),
                model.noticeProperty()));
        model.noticeProperty().addListener((observable, old, now) -> {
            notice.getStyleClass().remove(Styles.DANGER);
            if (now.problem()) {
                notice.getStyleClass().add(Styles.DANGER);
            }
        });
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return new VBox(offline, notice);
    }

    private Node catalogPane() {
        Label title = new Label("Download a reasoning model");
        title.getStyleClass().add(Styles.TITLE_4);
        Label subtitle = new Label();
        subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "DeepSeek-R1's distills, planned for %,d tokens of context (Settings). Smaller quantizations (Q4) "
                        + "are faster and lighter; larger ones (Q8) a little more accurate.",
                model.plannedContextProperty().get()), model.plannedContextProperty()));
        subtitle.setWrapText(true);

        TableView<CatalogEntry> table = catalogTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField other = new TextField();
        other.setId("download-name");
        other.setPromptText("OWNER/REPO/FILE.gguf on Hugging Face");
        HBox.setHgrow(other, Priority.ALWAYS);
        Button download = downloadButton("download-other", () -> {
            model.download(other.getText());
            if (!model.noticeProperty().get().problem()) {
                other.clear();
            }
        });
        download.disableProperty().bind(model.offlineProperty().or(other.textProperty().isEmpty()));
        Label otherLabel = new Label("Another model:");
        HBox otherLine = new HBox(8, otherLabel, other, offlineHolder(download));
        otherLine.setAlignment(Pos.CENTER_LEFT);
        model.offlineProperty().addListener((observable, old, offline) -> otherLine.getChildren()
                .set(2, offlineHolder(download)));
        other.setOnAction(event -> download.fire());

        VBox pane = new VBox(6, title, subtitle, table, otherLine);
        pane.setPadding(new Insets(12));
        return pane;
    }

    private TableView<CatalogEntry> catalogTable() {
        TableView<CatalogEntry> table = new TableView<>(model.catalog());
        table.setId("catalog");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.probingProperty())
                .then("Checking what this computer can run…").otherwise("The catalog appears once this computer "
                        + "is checked."));
        table.setPlaceholder(placeholder);
        model.offlineProperty().addListener((observable, old, offline) -> table.refresh());

        TableColumn<CatalogEntry, CatalogEntry> name = column("Model", 105, this::modelCell);
        TableColumn<CatalogEntry, CatalogEntry> quant = column("Quantization", 110, entry -> new Label(
                entry.file().quantization()));
        TableColumn<CatalogEntry, CatalogEntry> size = column("Size", 80, entry -> new Label(
                entry.file().size() == null ? "unknown" : entry.file().size()));
        TableColumn<CatalogEntry, CatalogEntry> fit = column("On this computer", 220, ModelsView::badge);
        TableColumn<CatalogEntry, CatalogEntry> action = column("", 120, this::catalogAction);
        List.of(name, quant, size, fit, action).forEach(table.getColumns()::add);
        return table;
    }

    /** A column whose cells show a node made from the row's entry. */
    private static TableColumn<CatalogEntry, CatalogEntry> column(String title, double width,
                                                                  Function<CatalogEntry, Node> node) {
        TableColumn<CatalogEntry, CatalogEntry> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(row -> new SimpleObjectProperty<>(row.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CatalogEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setGraphic(empty || entry == null ? null : node.apply(entry));
            }
        });
        return column;
    }

    /**
     * The model's name on the first of its rows only, so that its quantizations read as one group; "Qwen 1.5B", since
     * the heading says they are all DeepSeek-R1's distills. The whole name is in the tooltip.
     */
    private Node modelCell(CatalogEntry entry) {
        int index = model.catalog().indexOf(entry);
        boolean first = index <= 0 || !model.catalog().get(index - 1).model().id().equals(entry.model().id());
        Label label = new Label(first ? entry.model().name().replaceFirst("^DeepSeek-R1-Distill-", "")
                .replace('-', ' ') : "");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        if (first) {
            label.setTooltip(new Tooltip(entry.model().name() + "\n" + entry.model().architecture() + " · "
                    + entry.model().shape().layers() + " layers · licence: " + entry.model().licence()));
        }
        return label;
    }

    static Label badge(CatalogEntry entry) {
        FitBadge badge = FitBadge.of(entry.plan());
        Label label = new Label(badge.text());
        label.getStyleClass().addAll("fit-badge", badge.styleClass());
        Tooltip tip = new Tooltip(badge.explanation());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        label.setTooltip(tip);
        return label;
    }

    private Node catalogAction(CatalogEntry entry) {
        if (entry.localFile() != null) {
            Button use = new Button("Use", new FontIcon(Material2MZ.PLAY_ARROW));
            use.getStyleClass().add(Styles.SMALL);
            use.setOnAction(event -> model.use(entry.localFile()));
            return use;
        }
        Button download = downloadButton(null, () -> model.download(entry));
        download.setDisable(model.offlineProperty().get());
        return offlineHolder(download);
    }

    private static Button downloadButton(String id, Runnable action) {
        Button download = new Button("Download", new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        download.setId(id);
        download.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        download.setOnAction(event -> action.run());
        return download;
    }

    /**
     * A disabled button shows no tooltip, so in offline mode the reason sits on what holds the button. Made anew when
     * offline mode changes (cells are drawn anew by then), so that no cell leaves a listener behind.
     */
    private StackPane offlineHolder(Button download) {
        StackPane holder = new StackPane(download);
        holder.setAlignment(Pos.CENTER_LEFT);
        if (model.offlineProperty().get()) {
            Tooltip.install(holder, new Tooltip(OFFLINE_TIP));
        }
        return holder;
    }

    private Node sidePane() {
        Label downloadsTitle = new Label("Downloads");
        downloadsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox downloads = new VBox(6, downloadsTitle, downloadRows);
        downloads.visibleProperty().bind(Bindings.isNotEmpty(model.downloads()));
        downloads.managedProperty().bind(downloads.visibleProperty());
        downloadRows.setId("downloads");
        model.downloads().addListener((ListChangeListener<DownloadRow>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(row -> downloadRows.getChildren()
                        .removeIf(view -> ((DownloadRowView) view).row() == row));
                change.getAddedSubList().forEach(row -> downloadRows.getChildren().add(new DownloadRowView(row,
                        model)));
            }
        });

        Label localTitle = new Label("Local models");
        localTitle.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button("Import GGUF…", new FontIcon(Material2AL.ADD));
        importButton.setId("import-model");
        importButton.getStyleClass().add(Styles.SMALL);
        importButton.setOnAction(event -> chooseFiles());
        HBox localHead = new HBox(8, localTitle, spacer, importButton);
        localHead.setAlignment(Pos.CENTER_LEFT);

        ListView<LocalModels.Entry> local = new ListView<>(model.localModels());
        local.setId("local-models");
        local.setCellFactory(list -> new LocalModelCell());
        Label empty = new Label("No models here yet. Download one, import a GGUF file, or drop one on this view.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        local.setPlaceholder(empty);
        VBox.setVgrow(local, Priority.ALWAYS);
        Label folder = new Label("In " + model.folder());
        folder.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox side = new VBox(8, downloads, localHead, local, folder);
        side.setPadding(new Insets(12));
        side.getStyleClass().add("models-side");
        return side;
    }

    private void chooseFiles() {
        List<File> files = GgufChooser.create("Import GGUF models").showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            model.importFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void acceptDroppedModels() {
        setOnDragOver(event -> {
            if (!ggufFiles(event).isEmpty()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragEntered(event -> {
            if (!ggufFiles(event).isEmpty()) {
                getStyleClass().add("dropping");
            }
        });
        setOnDragExited(event -> getStyleClass().remove("dropping"));
        setOnDragDropped(event -> {
            List<Path> files = ggufFiles(event);
            model.importFiles(files);
            event.setDropCompleted(!files.isEmpty());
            event.consume();
        });
    }

    private static List<Path> ggufFiles(DragEvent event) {
        if (!event.getDragboard().hasFiles()) {
            return List.of();
        }
        return event.getDragboard().getFiles().stream().map(File::toPath)
                .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf")).toList();
    }

    /** Asks before a model is deleted: it may have taken hours to download. */
    private void confirmDelete(LocalModels.Entry entry) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Delete model");
        alert.setHeaderText("Delete " + entry.file().getFileName() + "?");
        alert.setContentText("It frees " + ByteSize.of(entry.file().toFile().length()) + ". To use it again, download"
                + " or import it again.");
        alert.showAndWait().filter(delete::equals).ifPresent(answer -> model.delete(entry.file()));
    }

    /** A model of the folder: its name and facts (or what is wrong with it), and Use, Reveal and Delete. */
    private final class LocalModelCell extends ListCell<LocalModels.Entry> {

        @Override
        protected void updateItem(LocalModels.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(entry.file().getFileName().toString());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label facts = new Label(entry.info() == null ? entry.problem() : describe(entry.info()));
            facts.setWrapText(true);
            facts.getStyleClass().addAll(Styles.TEXT_SMALL, entry.info() == null ? Styles.DANGER : Styles.TEXT_MUTED);
            VBox text = new VBox(2, name, facts);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);

            Button use = new Button("Use");
            use.getStyleClass().addAll(Styles.SMALL, "use-model");
            use.setDisable(entry.info() == null);
            use.setTooltip(new Tooltip("Load it and chat with it"));
            use.setOnAction(event -> model.use(entry.file()));
            Button reveal = iconButton(Material2AL.FOLDER_OPEN, "Show it in the file manager", "reveal-model");
            reveal.setOnAction(event -> openDocument.accept(entry.file().getParent().toUri().toString()));
            Button delete = iconButton(Material2AL.DELETE, "Delete it", "delete-model");
            delete.setOnAction(event -> confirmDelete(entry));
            HBox row = new HBox(6, text, use, reveal, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }

        private static String describe(GgufInfo info) {
            return String.format(Locale.ROOT, "%s · %s · %s · %d layers", info.architecture(), info.fileType(),
                    ByteSize.of(info.fileSize()), info.blockCount());
        }
    }

    static Button iconButton(Ikon icon, String tip, String styleClass) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, styleClass);
        button.setTooltip(new Tooltip(tip));
        return button;
    }
}
