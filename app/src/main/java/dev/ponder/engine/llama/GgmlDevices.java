package dev.ponder.engine.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ponder.engine.Backend;

/**
 * The GPUs the loaded llama.cpp library sees, read through ggml's device registry with the foreign-function API.
 *
 * <p>java-llama.cpp has no call for this, and after a model load llama.cpp's log goes to stdout, not to the binding's
 * logger; but Ponder's builds link ggml into {@code libjllama} and export its functions, so the registry can be asked
 * directly: which devices exist, of which backend, with how much free memory. Asking also starts the backends (CUDA's
 * driver check, Vulkan's instance), whose complaints then reach the binding's logger.
 */
final class GgmlDevices {

    /** ggml's {@code GGML_BACKEND_DEVICE_TYPE_GPU}. */
    private static final int TYPE_GPU = 1;

    private GgmlDevices() {
    }

    /**
     * The GPU devices of the library this JVM loaded; empty when it has none or does not export ggml's registry
     * (the jar's own CPU library).
     */
    static List<GpuDevice> list() {
        Optional<Registry> registry = Registry.find();
        if (registry.isEmpty()) {
            return List.of();
        }
        try {
            return registry.get().devices();
        } catch (Throwable e) {
            throw new IllegalStateException("reading ggml's devices failed: " + e, e);
        }
    }

    /** Free bytes of the device named {@code name} now, if it is there. */
    static Optional<Long> freeBytes(String name) {
        return list().stream().filter(device -> device.name().equals(name)).map(GpuDevice::freeBytes).findFirst();
    }

    private record Registry(MethodHandle count, MethodHandle get, MethodHandle name, MethodHandle description,
                            MethodHandle type, MethodHandle memory, MethodHandle backendReg, MethodHandle regName) {

        static Optional<Registry> find() {
            // The binding loaded the library with System.load from this class loader.
            SymbolLookup lookup = SymbolLookup.loaderLookup();
            Linker linker = Linker.nativeLinker();
            try {
                return Optional.of(new Registry(
                        handle(linker, lookup, "ggml_backend_dev_count", FunctionDescriptor.of(JAVA_LONG)),
                        handle(linker, lookup, "ggml_backend_dev_get", FunctionDescriptor.of(ADDRESS, JAVA_LONG)),
                        handle(linker, lookup, "ggml_backend_dev_name", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                        handle(linker, lookup, "ggml_backend_dev_description",
                                FunctionDescriptor.of(ADDRESS, ADDRESS)),
                        handle(linker, lookup, "ggml_backend_dev_type", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                        handle(linker, lookup, "ggml_backend_dev_memory",
                                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)),
                        handle(linker, lookup, "ggml_backend_dev_backend_reg",
                                FunctionDescriptor.of(ADDRESS, ADDRESS)),
                        handle(linker, lookup, "ggml_backend_reg_name", FunctionDescriptor.of(ADDRESS, ADDRESS))));
            } catch (IllegalArgumentException missing) {
                return Optional.empty();
            }
        }

        private static MethodHandle handle(Linker linker, SymbolLookup lookup, String symbol,
                                           FunctionDescriptor descriptor) {
            MemorySegment address = lookup.find(symbol)
                    .orElseThrow(() -> new IllegalArgumentException(symbol + " is not exported"));
            return linker.downcallHandle(address, descriptor);
        }

        List<GpuDevice> devices() throws Throwable {
            List<GpuDevice> devices = new ArrayList<>();
            long count = (long) count().invokeExact();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment free = arena.allocate(JAVA_LONG);
                MemorySegment total = arena.allocate(JAVA_LONG);
                for (long i = 0; i < count; i++) {
                    MemorySegment device = (MemorySegment) get().invokeExact(i);
                    if ((int) type().invokeExact(device) != TYPE_GPU) {
                        continue;
                    }
                    memory().invokeExact(device, free, total);
                    String registry = text((MemorySegment) regName().invokeExact(
                            (MemorySegment) backendReg().invokeExact(device)));
                    Optional<Backend> backend = backendOf(registry);
                    if (backend.isPresent()) {
                        devices.add(new GpuDevice(backend.get(), text((MemorySegment) name().invokeExact(device)),
                                text((MemorySegment) description().invokeExact(device)),
                                free.get(JAVA_LONG, 0), total.get(JAVA_LONG, 0)));
                    }
                }
            }
            return devices;
        }

        private static Optional<Backend> backendOf(String registryName) {
            for (Backend backend : Backend.values()) {
                if (backend.gpu() && backend.registryName().equals(registryName)) {
                    return Optional.of(backend);
                }
            }
            return Optional.empty();
        }

        private static String text(MemorySegment cString) {
            return cString.equals(MemorySegment.NULL) ? "" : cString.reinterpret(Long.MAX_VALUE).getString(0);
        }
    }
}
