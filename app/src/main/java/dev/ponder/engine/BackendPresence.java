package dev.ponder.engine;

import java.util.Optional;

/**
 * What a hardware probe knows about the machine's GPUs before any llama.cpp library is loaded: enough to skip a
 * backend that cannot work (no NVIDIA GPU, no Vulkan driver) without the seconds a failed load costs. Where nothing is
 * known, every backend is tried and whether its library loads and finds a device decides.
 */
@FunctionalInterface
public interface BackendPresence {

    /** Nothing is known: every backend is worth a try. */
    BackendPresence UNKNOWN = backend -> Optional.empty();

    /** Why {@code backend} cannot work on this machine, worded for the user; empty when it may. */
    Optional<String> whyAbsent(Backend backend);
}
