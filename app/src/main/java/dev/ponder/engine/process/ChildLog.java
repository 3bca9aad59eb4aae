package dev.ponder.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the engine child's stdout and stderr (llama.cpp's logs) so it never blocks on a full pipe, and keeps the last
 * lines: when the child dies they say why.
 */
final class ChildLog {

    private static final Logger LOG = LoggerFactory.getLogger("engine.child");

    private final ArrayDeque<String> last = new ArrayDeque<>();
    private final int capacity;

    ChildLog(int capacity) {
        this.capacity = capacity;
    }

    void drain(InputStream output, long pid) {
        Thread.ofPlatform().name("engine-log-" + pid).daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    add(line);
                    LOG.debug("[{}] {}", pid, line);
                }
            } catch (IOException e) {
                LOG.debug("engine output closed: {}", e.getMessage());
            }
        });
    }

    synchronized void add(String line) {
        if (last.size() == capacity) {
            last.removeFirst();
        }
        last.addLast(line);
    }

    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }
}
