package dev.ponder.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the FX thread of this JVM: probes posted to it every 2 ms from another thread, whose wait is how long it
 * was busy with something else; the gaps between pulses; and, while a probe is overdue, what the FX thread is doing
 * (a stack sample every few milliseconds, put in a few kinds of work), so that a stall says where it came from. The
 * JVM's collector pauses are counted apart: they stop every thread, the FX thread's work or not.
 */
final class FxStallMonitor {

    private static final double STALL_MS = 16;
    /** FX-thread work by the frame that names it, the first match from the top of the stack; else its top frame. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("twkDoJSCGarbageCollection", "WebKit: JavaScript garbage collection");
        KINDS.put("twkUpdateContent", "WebKit: painting");
        KINDS.put("twkPrePaint", "WebKit: style and layout");
        KINDS.put("twkUpdateRendering", "WebKit: style and layout");
        KINDS.put("Timer.twkFireTimerEvent", "WebKit: timers (layout, scripts)");
        KINDS.put("JSObject.call", "calls into the page");
        KINDS.put("waitForRenderingToComplete", "waiting for the render thread");
        KINDS.put("QuantumRenderer.submitRenderJob", "handing the frame to the render thread");
        KINDS.put("dev.ponder.", "Ponder's own code");
    }

    /** Each probe as when it was posted (seconds since the start) and how long it waited (ms). */
    private final List<double[]> probes = Collections.synchronizedList(new ArrayList<>());
    private final long startedNanos = System.nanoTime();
    private final List<Double> pulseGaps = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Long> overdue = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> stallSamples = new ConcurrentHashMap<>();
    private final List<Double> gcPauses = Collections.synchronizedList(new ArrayList<>());
    /** Collector pauses as seconds since the start: from, to. */
    private final List<double[]> gcSpans = Collections.synchronizedList(new ArrayList<>());
    private final long startedUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final NotificationListener gcListener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            gcPauses.add((double) gc.getDuration());
            gcSpans.add(new double[] {(gc.getStartTime() - startedUptimeMillis) / 1e3,
                    (gc.getEndTime() - startedUptimeMillis) / 1e3});
        }
    };
    private final AnimationTimer pulses = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                pulseGaps.add((now - last) / 1e6);
            }
            last = now;
        }
    };
    private Thread fxThread;
    private Thread prober;
    private Thread sampler;

    static FxStallMonitor start() throws InterruptedException {
        FxStallMonitor monitor = new FxStallMonitor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            monitor.fxThread = Thread.currentThread();
            monitor.pulses.start();
            started.countDown();
        });
        started.await();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(monitor.gcListener, null, null);
        }
        monitor.prober = Thread.ofPlatform().daemon().name("fx-prober").start(monitor::probe);
        monitor.sampler = Thread.ofPlatform().daemon().name("fx-stall-sampler").start(monitor::sample);
        return monitor;
    }

    private void probe() {
        while (running.get()) {
            long posted = System.nanoTime();
            overdue.addLast(posted);
            Platform.runLater(() -> {
                overdue.pollFirst();
                probes.add(new double[] {(posted - startedNanos) / 1e9, (System.nanoTime() - posted) / 1e6});
            });
            pause(2);
        }
    }

    /** Takes the FX thread's stack only while a probe is overdue, so that it costs nothing the rest of the time. */
    private void sample() {
        while (running.get()) {
            Long oldest = overdue.peekFirst();
            if (oldest != null && System.nanoTime() - oldest > STALL_MS * 1e6) {
                stallSamples.merge(kind(fxThread.getStackTrace()), 1, Integer::sum);
            }
            pause(3);
        }
    }

    private static String kind(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName() + "." + frame.getMethodName();
            for (Map.Entry<String, String> kind : KINDS.entrySet()) {
                if (name.contains(kind.getKey())) {
                    // Ponder's own work is named by its method: it is the part this project can change.
                    return kind.getKey().equals("dev.ponder.") ? kind.getValue() + ": "
                            + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                            + frame.getMethodName() : kind.getValue();
                }
            }
        }
        return stack.length == 0 ? "?" : "other: " + stack[0].getClassName() + "." + stack[0].getMethodName();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() throws Exception {
        running.set(false);
        prober.join();
        sampler.join();
        Platform.runLater(pulses::stop);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).removeNotificationListener(gcListener);
        }
    }

    /** Seconds since this monitor started: to mark when text began and stopped streaming. */
    double secondsSinceStart(long nanoTime) {
        return (nanoTime - startedNanos) / 1e9;
    }

    /**
     * The FX thread's longest wait and the waits over 16 ms of the probes posted from {@code from} to {@code to}
     * (seconds since the start): what the figure counts, text streaming, apart from what comes before the
     * first token (the message sent and shown) and after the last (the final rendering).
     */
    List<String> streamingRows(String label, double from, double to) {
        List<Double> waits = waitsPostedBetween(from, to);
        return List.of(
                UiBenchmark.row(label + " while text streams: FX thread busy, max ms", max(waits)),
                UiBenchmark.row(label + " while text streams: probes > 16 ms, of " + waits.size(),
                        Long.toString(count(waits))));
    }

    /** How long each probe posted from {@code from} to {@code to} (seconds since the start) waited, in ms. */
    private List<Double> waitsPostedBetween(double from, double to) {
        synchronized (probes) {
            return new ArrayList<>(probes.stream().filter(probe -> probe[0] >= from && probe[0] <= to)
                    .map(probe -> probe[1]).toList());
        }
    }

    /** The table's rows, each figure prefixed with {@code label}. */
    List<String> rows(String label) {
        List<double[]> distinct = distinctStalls();
        List<Double> probeWaits = waitsPostedBetween(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        List<String> rows = new ArrayList<>(List.of(
                UiBenchmark.row(label + " FX thread busy (probe wait): max ms", max(probeWaits)),
                UiBenchmark.row(label + " FX thread busy: p99 ms", percentile(probeWaits, 99)),
                UiBenchmark.row(label + " probes waiting > 16 ms, of " + probeWaits.size(),
                        Long.toString(count(probeWaits))),
                UiBenchmark.row(label + " pulse gap: max ms (60 Hz = 16.7)", max(pulseGaps)),
                UiBenchmark.row(label + " pulse gap: p99 ms", percentile(pulseGaps, 99)),
                UiBenchmark.row(label + " JVM collector pauses: count / max ms", gcPauses.size() + " / "
                        + max(gcPauses)),
                UiBenchmark.row(label + " stalls > 16 ms / of them in a collector pause", distinct.size() + " / "
                        + distinct.stream().filter(this::duringCollection).count()),
                UiBenchmark.row(label + " longest stalls (ms at s, * = collector)", longest(distinct, 3))));
        stallSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                .forEach(kind -> rows.add(UiBenchmark.row("  in stalls, samples: " + kind.getKey(),
                        Integer.toString(kind.getValue()))));
        return rows;
    }

    /**
     * Stalls over 16 ms as when (seconds since the start) and how long (ms), each once: probes posted while the FX
     * thread was still busy belong to the same stall.
     */
    private List<double[]> distinctStalls() {
        List<double[]> distinct = new ArrayList<>();
        List<double[]> stalls;
        synchronized (probes) {
            stalls = probes.stream().filter(probe -> probe[1] > STALL_MS).toList();
        }
        for (double[] stall : stalls) {
            double[] last = distinct.isEmpty() ? null : distinct.getLast();
            if (last != null && stall[0] < last[0] + last[1] / 1e3) {
                last[1] = Math.max(last[1], stall[1]);
            } else {
                distinct.add(stall.clone());
            }
        }
        // A pause that began while the prober slept delays no probe: it stopped the FX thread all the same.
        synchronized (gcSpans) {
            for (double[] gc : gcSpans) {
                double[] pause = {gc[0], (gc[1] - gc[0]) * 1e3};
                if (pause[1] > STALL_MS && distinct.stream().noneMatch(stall -> overlap(stall, gc))) {
                    distinct.add(pause);
                }
            }
        }
        distinct.sort((a, b) -> Double.compare(a[0], b[0]));
        return distinct;
    }

    /** Whether a collector pause of the test JVM overlapped the stall: it stopped the FX thread whatever its work. */
    private boolean duringCollection(double[] stall) {
        synchronized (gcSpans) {
            return gcSpans.stream().anyMatch(gc -> overlap(stall, gc));
        }
    }

    private static boolean overlap(double[] stall, double[] gc) {
        return gc[0] <= stall[0] + stall[1] / 1e3 && gc[1] >= stall[0];
    }

    private String longest(List<double[]> distinct, int count) {
        return distinct.stream().sorted((a, b) -> Double.compare(b[1], a[1])).limit(count)
                .map(stall -> String.format(Locale.ROOT, "%.0f@%.1f%s", stall[1], stall[0],
                        duringCollection(stall) ? "*" : ""))
                .reduce((a, b) -> a + " " + b).orElse("none");
    }

    private static long count(List<Double> values) {
        synchronized (values) {
            return values.stream().filter(value -> value > STALL_MS).count();
        }
    }

    private static String max(List<Double> values) {
        synchronized (values) {
            return String.format(Locale.ROOT, "%.1f", values.stream().mapToDouble(Double::doubleValue).max()
                    .orElse(0));
        }
    }

    private static String percentile(List<Double> values, int percent) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.min(sorted.size() - 1,
                (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)));
    }
}
