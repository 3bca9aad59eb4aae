package dev.ponder.hardware;

/**
 * Main memory.
 *
 * @param totalBytes               installed, as the operating system reports it
 * @param availableBytes           what programs can have now without swapping (Linux's MemAvailable)
 * @param bandwidthBytesPerSecond  how fast one thread copies memory, measured ({@link MemoryBandwidth}), or null; a
 *                                 CPU decodes about as fast as it can read the model's weights once per token
 */
public record Memory(long totalBytes, long availableBytes, Double bandwidthBytesPerSecond) {
}
