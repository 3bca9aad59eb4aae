package dev.ponder.engine;

import java.util.List;

/**
 * The engine process died (a native abort, out of memory, killed). It is restarted on the next request, and the
 * model it held is loaded again then.
 */
public class EngineCrashed extends EngineException {

    private final transient List<String> lastLogLines;

    public EngineCrashed(String what, List<String> lastLogLines) {
        super("The engine stopped: " + what + ". It restarts with the next request; text already written is kept.");
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    /** The child's last output lines, oldest first: what it was doing when it died. */
    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
