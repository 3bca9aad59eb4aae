package dev.ponder.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backends to try for one load, best first, and why the others were left out.
 *
 * @param order   the backends to try in turn; the last one's failure is the load's failure
 * @param skipped why each left-out backend was, for the log (a build not made is no news to the user)
 */
public record BackendPlan(List<Backend> order, List<String> skipped) {

    public BackendPlan {
        order = List.copyOf(order);
        skipped = List.copyOf(skipped);
    }

    /**
     * Plans a load. A backend the user forced is tried even if a probe says it is absent (probes can be wrong, and the
     * failure then says why); it must be built, though. The CPU is always available: the binding's own library runs
     * it when no CPU build was made.
     *
     * @param built the backends whose library exists in this installation
     * @throws ModelLoadException when a forced backend has no build, with what the user can do
     */
    public static BackendPlan of(BackendChoice choice, BackendPresence presence, Set<Backend> built)
            throws ModelLoadException {
        List<Backend> order = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Backend backend : choice.candidates()) {
            if (backend != Backend.CPU && !built.contains(backend)) {
                if (choice != BackendChoice.AUTO) {
                    throw new ModelLoadException("this installation has no " + backend + " build of llama.cpp (in a"
                            + " source checkout: native/build.sh " + backend.label() + "); choose --backend auto or"
                            + " cpu");
                }
                skipped.add(backend + ": no build in this installation");
                continue;
            }
            var absent = presence.whyAbsent(backend);
            if (absent.isPresent() && choice == BackendChoice.AUTO && backend != Backend.CPU) {
                skipped.add(backend + ": " + absent.get());
                continue;
            }
            order.add(backend);
        }
        return new BackendPlan(order, skipped);
    }
}
