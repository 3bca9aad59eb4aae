package dev.ponder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuLessRenderingTest {

    @TempDir
    Path dev;

    @Test
    void aMachineWithoutGpuDevicesHasNone() throws Exception {
        Files.createDirectories(dev.resolve("dri/by-path"));
        Files.createFile(dev.resolve("null"));

        assertThat(GpuLessRendering.hasGpuDevice(dev)).isFalse();
    }

    @Test
    void aDrmRenderNodeOrCardIsAGpu() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));

        assertThat(GpuLessRendering.hasGpuDevice(dev)).isTrue();
    }

    @Test
    void nvidiasDriverNeedsNoDrmDevice() throws Exception {
        Files.createFile(dev.resolve("nvidiactl"));

        assertThat(GpuLessRendering.hasGpuDevice(dev)).isTrue();
    }
}
