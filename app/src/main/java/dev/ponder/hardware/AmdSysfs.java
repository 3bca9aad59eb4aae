package dev.ponder.hardware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AMD GPUs' video memory as Linux's amdgpu driver reports it ({@code /sys/class/drm/cardN/device/mem_info_vram_*}):
 * {@code vulkaninfo --summary} names the device but not its memory, and AMD has no nvidia-smi.
 */
final class AmdSysfs {

    /** Total and used VRAM of one card, in bytes. */
    record Vram(long totalBytes, long usedBytes) {
    }

    private AmdSysfs() {
    }

    /** The AMD cards under {@code drm} (normally /sys/class/drm) that report their VRAM, in card order. */
    static List<Vram> cards(Path drm) {
        List<Vram> cards = new ArrayList<>();
        if (!Files.isDirectory(drm)) {
            return cards;
        }
        List<Path> devices = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(drm, "card[0-9]*")) {
            entries.forEach(entry -> {
                if (entry.getFileName().toString().matches("card\\d+")) {
                    devices.add(entry.resolve("device"));
                }
            });
        } catch (IOException e) {
            return cards;
        }
        devices.sort(null);
        for (Path device : devices) {
            try {
                if (Files.readString(device.resolve("vendor")).strip().equalsIgnoreCase("0x1002")) {
                    cards.add(new Vram(number(device.resolve("mem_info_vram_total")),
                            number(device.resolve("mem_info_vram_used"))));
                }
            } catch (IOException | NumberFormatException e) {
                // Not an amdgpu card with memory figures (an APU without them, an older driver): skip it.
            }
        }
        return cards;
    }

    private static long number(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }
}
