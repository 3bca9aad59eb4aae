package dev.ponder.ui.book;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import dev.ponder.book.graph.Concept;
import dev.ponder.book.graph.GraphEdits;
import dev.ponder.book.graph.LearningGraph;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.book.graph.Taxonomy;
import dev.ponder.ui.WebJars;
import netscape.javascript.JSObject;

/**
 * The learning graph to review before chapters are written: drawn (vis-network, in a WebView) beside a table of its
 * concepts, with the edits a professor makes — add or remove a concept, add or remove a dependency. Every edit goes
 * through {@link GraphEdits}, so a cycle is refused with the reason.
 */
public final class GraphEditor extends SplitPane {

    private final WebView web = new WebView();
    private final TableView<Concept> table = new TableView<>();
    private final TextField label = new TextField();
    private final ComboBox<Taxonomy> taxonomy = new ComboBox<>();
    private final ComboBox<Concept> prerequisite = new ComboBox<>();
    /** Held here: the page keeps only a weak reference to it. */
    private final Bridge bridge = new Bridge();
    private final Label summary = new Label();
    private final ChangeListener<LearningGraph> graphChanged = (observable, old, graph) -> fill(graph);
    private JobViewModel model;
    private boolean pageReady;
    private boolean dark;

    public GraphEditor() {
        setId("graph-editor");
        web.setContextMenuEnabled(false);
        web.getEngine().getLoadWorker().stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                ((JSObject) web.getEngine().executeScript("window")).setMember("ponderBridge", bridge);
                pageReady = true;
                setDark(dark);
                draw();
            }
        });
        web.getEngine().loadContent(page());

        table.setId("concept-table");
        table.getColumns().add(Controls.column("ID", 50, concept -> concept.id()));
        table.getColumns().add(Controls.column("Concept", 200, Concept::label));
        table.getColumns().add(Controls.column("Category", 120, concept -> model == null || model.graphProperty().get() == null
                ? concept.taxonomyId() : model.graphProperty().get().taxonomyName(concept.taxonomyId())));
        table.getColumns().add(Controls.column("Builds on", 160, concept -> concept.dependencies().stream()
                .map(String::valueOf).collect(Collectors.joining(", "))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, concept) -> {
            if (concept != null && pageReady) {
                script("ponderGraph.select(" + concept.id() + ")");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        label.setId("new-concept-label");
        label.setPromptText("New concept");
        taxonomy.setId("new-concept-taxonomy");
        taxonomy.setMaxWidth(160);
        taxonomy.setConverter(converter(Taxonomy::name));
        // A new concept builds on the selected one, which is how a professor extends a graph most often.
        Button add = Controls.button("add-concept", "Add concept", () -> {
            if (edit(graph -> GraphEdits.addConcept(graph, label.getText(), selectedTaxonomy(graph),
                    selectedId().map(List::of).orElse(List.of())))) {
                label.clear();
            }
        });
        Button remove = Controls.button("remove-concept", "Remove concept", () -> selectedId().ifPresent(id ->
                edit(graph -> GraphEdits.removeConcept(graph, id))));
        remove.getStyleClass().add(Styles.DANGER);

        prerequisite.setId("prerequisite");
        prerequisite.setPromptText("another concept");
        prerequisite.setConverter(converter(concept -> concept.id() + " " + concept.label()));
        prerequisite.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(prerequisite, Priority.ALWAYS);
        Button depend = Controls.button("add-dependency", "Add", () -> dependency(true));
        Button undepend = Controls.button("remove-dependency", "Remove", () -> dependency(false));
        Button discard = Controls.button("discard-edits", "Go back to the model's graph", () -> model.discardEdits());

        summary.setId("graph-summary");
        summary.setWrapText(true);
        Label hint = new Label("The selected concept builds on:");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox side = new VBox(8, summary, table,
                row(label, taxonomy, add), hint, row(prerequisite, depend, undepend), row(remove, discard));
        side.setPadding(new Insets(8));
        side.setMinWidth(440);
        HBox.setHgrow(label, Priority.ALWAYS);
        getItems().addAll(web, side);
        setDividerPositions(0.5);
    }

    /** Shows {@code shown}'s graph, and follows it as it changes. */
    public void show(JobViewModel shown) {
        if (model != null) {
            model.graphProperty().removeListener(graphChanged);
        }
        model = shown;
        summary.textProperty().bind(shown.graphSummaryProperty());
        shown.graphProperty().addListener(graphChanged);
        fill(shown.graphProperty().get());
    }

    private void fill(LearningGraph graph) {
        Concept selected = table.getSelectionModel().getSelectedItem();
        List<Concept> concepts = graph == null ? List.of() : graph.concepts();
        table.getItems().setAll(concepts);
        prerequisite.getItems().setAll(concepts);
        List<Taxonomy> taxonomies = graph == null ? List.of() : graph.taxonomies();
        Taxonomy chosen = taxonomy.getValue();
        taxonomy.getItems().setAll(taxonomies);
        taxonomy.setValue(chosen != null && taxonomies.contains(chosen) ? chosen : taxonomies.isEmpty() ? null : taxonomies.getFirst());
        if (selected != null) {
            concepts.stream().filter(concept -> concept.id() == selected.id()).findFirst()
                    .ifPresent(concept -> table.getSelectionModel().select(concept));
        }
        draw();
    }

    private void draw() {
        LearningGraph graph = model == null ? null : model.graphProperty().get();
        if (pageReady && graph != null) {
            JSObject page = (JSObject) web.getEngine().executeScript("ponderGraph");
            page.call("show", LearningGraphFiles.toJson(graph));
        }
    }

    private void dependency(boolean add) {
        Concept other = prerequisite.getValue();
        selectedId().ifPresent(id -> {
            if (other != null) {
                edit(graph -> add ? GraphEdits.addDependency(graph, id, other.id())
                        : GraphEdits.removeDependency(graph, id, other.id()));
            }
        });
    }

    private boolean edit(UnaryOperator<LearningGraph> change) {
        return model != null && model.edit(change);
    }

    private Optional<Integer> selectedId() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(Concept::id);
    }

    private String selectedTaxonomy(LearningGraph graph) {
        if (taxonomy.getValue() != null) {
            return taxonomy.getValue().id();
        }
        return graph.taxonomies().isEmpty() ? "MISC" : graph.taxonomies().getFirst().id();
    }

    /** Follows the window's theme. */
    public void setDark(boolean isDark) {
        dark = isDark;
        if (pageReady) {
            script("ponderGraph.setDark(" + dark + ")");
        }
    }

    /** How many concepts the drawing holds: for tests that the page follows the graph. */
    public int drawnConcepts() {
        return pageReady ? ((Number) web.getEngine().executeScript("ponderGraph.nodeCount()")).intValue() : 0;
    }

    private void script(String code) {
        web.getEngine().executeScript(code);
    }

    /** What the page calls back. */
    public final class Bridge {
        public void select(Object id) {
            int wanted = ((Number) id).intValue();
            table.getItems().stream().filter(concept -> concept.id() == wanted).findFirst().ifPresent(concept -> {
                table.getSelectionModel().select(concept);
                table.scrollTo(concept);
            });
        }
    }

    private static String page() {
        try (InputStream in = Objects.requireNonNull(GraphEditor.class.getResourceAsStream("graph-editor.html"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{vis.js}}", WebJars.url("org.webjars.npm", "vis-network",
                            "standalone/umd/vis-network.min.js"))
                    .replace("{{graph-editor.js}}", Objects.requireNonNull(GraphEditor.class
                            .getResource("graph-editor.js")).toExternalForm());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
