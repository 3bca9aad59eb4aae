package dev.ponder.ui.connections;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ponder.connections.Connection;
import dev.ponder.connections.Connections;
import dev.ponder.engine.remote.ServerInfo;
import dev.ponder.ui.Background;
import dev.ponder.ui.Notice;

/**
 * The remote servers the user added, as Settings and the model picker see them: the list, add (with an API key kept
 * in the keychain or a private file), test, remove, and each server's models. Every server and file is asked off the
 * FX thread; the list and the notice change only on it.
 */
public final class ConnectionsViewModel {

    private final Connections connections;
    private final Background background;
    private final ObservableList<Connection> list = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);

    public ConnectionsViewModel(Connections connections, Background background) {
        this.connections = connections;
        this.background = background;
    }

    public Connections connections() {
        return connections;
    }

    public ObservableList<Connection> list() {
        return FXCollections.unmodifiableObservableList(list);
    }

    /** What the last add, test or remove came to. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Settings opened: the list is read again, and the last session's notice is gone. */
    public void opened() {
        notice.set(Notice.NONE);
        refresh();
    }

    public void refresh() {
        background.run(connections::list, list::setAll, error -> notice.set(Notice.problem(
                "Cannot read the connections (" + error.getMessage() + "): add them again, or fix "
                        + Connections.FILE_NAME + " in the settings folder.")));
    }

    /**
     * Adds a server from what the form holds, replacing one of the same name.
     *
     * @param apiKey the key to send it, or blank for none
     * @return false when the form holds no usable connection; the notice says why
     */
    public boolean add(String name, String address, int parallel, String apiKey) {
        Connection connection;
        try {
            connection = Connection.of(name, address, parallel);
        } catch (IllegalArgumentException e) {
            notice.set(Notice.problem(e.getMessage()));
            return false;
        }
        String key = apiKey == null ? "" : apiKey.strip();
        background.run(() -> {
            connections.save(connection);
            return key.isEmpty() ? null : connections.keys().store(connection.server(), key);
        }, where -> {
            notice.set(Notice.info("Added " + connection.name() + (where == null ? "" : "; its API key is kept "
                    + where) + ". Test it to see what it serves."));
            refresh();
        }, error -> notice.set(Notice.problem("Cannot save " + connection.name() + ": " + error.getMessage())));
        return true;
    }

    /** Asks the server what it serves; the notice gives its models, or what went wrong and what to do. */
    public void test(Connection connection) {
        notice.set(Notice.info("Asking " + connection.server() + "…"));
        background.run(() -> connections.test(connection), result -> notice.set(result.ok()
                ? Notice.info(result.message()) : Notice.problem(result.message())),
                error -> notice.set(Notice.problem(error.getMessage())));
    }

    /** Removes a connection, and its server's key when no other connection uses that server. */
    public void remove(Connection connection) {
        background.run(() -> {
            connections.remove(connection.name());
            return connection;
        }, removed -> {
            notice.set(Notice.info("Removed " + removed.name() + "."));
            refresh();
        }, error -> notice.set(Notice.problem("Cannot remove " + connection.name() + ": " + error.getMessage())));
    }

    /**
     * The models the connection's server lists ({@code /v1/models}), for the model picker.
     *
     * @param failed told what went wrong, in words for the user
     */
    public void models(Connection connection, Consumer<List<ServerInfo.RemoteModel>> found, Consumer<String> failed) {
        background.run(() -> connections.models(connection), found, error -> failed.accept(error.getMessage()));
    }
}
