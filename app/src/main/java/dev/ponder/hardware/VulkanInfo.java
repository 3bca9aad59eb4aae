package dev.ponder.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GPUs with a Vulkan driver, as {@code vulkaninfo --summary} lists them. The summary names devices but not their
 * memory, so VRAM stays unknown here unless another tool reports the same device.
 */
final class VulkanInfo {

    static final List<String> COMMAND = List.of("vulkaninfo", "--summary");

    private static final Map<String, String> VENDORS = Map.of(
            "0x10de", "NVIDIA", "0x1002", "AMD", "0x8086", "Intel", "0x106b", "Apple", "0x13b5", "ARM",
            "0x5143", "Qualcomm");

    private VulkanInfo() {
    }

    /**
     * The GPUs in the summary's "GPUn:" blocks. Software renderers (llvmpipe, SwiftShader: device type CPU) are left
     * out: llama.cpp's Vulkan backend on them is slower than its CPU backend.
     */
    static List<Gpu> parse(String summary) {
        List<Gpu> gpus = new ArrayList<>();
        Map<String, String> device = null;
        for (String line : summary.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.matches("GPU\\d+:")) {
                add(gpus, device);
                device = new LinkedHashMap<>();
            } else if (device != null && trimmed.contains("=")) {
                int eq = trimmed.indexOf('=');
                device.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
            } else if (device != null && !trimmed.isEmpty() && !trimmed.startsWith("=")) {
                add(gpus, device);
                device = null;
            }
        }
        add(gpus, device);
        return gpus;
    }

    private static void add(List<Gpu> gpus, Map<String, String> device) {
        if (device == null || device.get("deviceName") == null
                || device.getOrDefault("deviceType", "").endsWith("_CPU")) {
            return;
        }
        String vendor = VENDORS.get(device.getOrDefault("vendorID", "").toLowerCase(Locale.ROOT));
        String driver = device.getOrDefault("driverInfo", device.get("driverVersion"));
        gpus.add(new Gpu(device.get("deviceName"), vendor, null, null, driver, false, List.of(GpuBackend.VULKAN)));
    }
}
