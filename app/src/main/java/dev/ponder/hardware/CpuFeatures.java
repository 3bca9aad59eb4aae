package dev.ponder.hardware;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the instruction sets llama.cpp's CPU kernels are built for out of the operating system's feature list:
 * {@code /proc/cpuinfo}'s flags on Linux, {@code hw.optional.*} on macOS, {@code PF_*} names on Windows (as OSHI
 * hands them over).
 */
final class CpuFeatures {

    /** Shown name, then every spelling an operating system uses for it. Order is the order shown. */
    private static final Map<String, List<String>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("SSE3", List.of("pni", "sse3"));
        KNOWN.put("SSSE3", List.of("ssse3", "supplementalsse3"));
        KNOWN.put("AVX", List.of("avx", "avx1"));
        KNOWN.put("AVX2", List.of("avx2"));
        KNOWN.put("FMA", List.of("fma", "fma3"));
        KNOWN.put("F16C", List.of("f16c"));
        KNOWN.put("AVX_VNNI", List.of("avx_vnni", "avxvnni"));
        KNOWN.put("AVX512F", List.of("avx512f"));
        KNOWN.put("AVX512BW", List.of("avx512bw"));
        KNOWN.put("AVX512VL", List.of("avx512vl"));
        KNOWN.put("AVX512_VNNI", List.of("avx512_vnni", "avx512vnni"));
        KNOWN.put("AVX512_BF16", List.of("avx512_bf16", "avx512bf16"));
        KNOWN.put("AMX_INT8", List.of("amx_int8"));
        KNOWN.put("NEON", List.of("asimd", "neon"));
        KNOWN.put("DOTPROD", List.of("asimddp", "dotprod"));
        KNOWN.put("I8MM", List.of("i8mm"));
        KNOWN.put("SVE", List.of("sve"));
        KNOWN.put("FP16", List.of("asimdhp", "fp16"));
    }

    private CpuFeatures() {
    }

    static List<String> relevant(List<String> featureLines) {
        Set<String> tokens = new HashSet<>();
        for (String line : featureLines) {
            // macOS lines are "hw.optional.arm.FEAT_DotProd: 1"; a 0 there means absent.
            if (line.strip().endsWith(": 0")) {
                continue;
            }
            for (String token : line.toLowerCase(Locale.ROOT).split("[\\s:]+")) {
                tokens.add(normalized(token));
            }
        }
        List<String> found = new ArrayList<>();
        KNOWN.forEach((name, spellings) -> {
            if (spellings.stream().anyMatch(tokens::contains)) {
                found.add(name);
            }
        });
        return found;
    }

    /**
     * "hw.optional.arm.feat_dotprod" → "dotprod", "hw.optional.avx2_0" → "avx2",
     * "pf_avx2_instructions_available" → "avx2".
     */
    private static String normalized(String token) {
        String t = token.substring(token.lastIndexOf('.') + 1);
        t = t.startsWith("feat_") ? t.substring(5) : t;
        t = t.startsWith("pf_") ? t.substring(3) : t;
        t = t.endsWith("_instructions_available") ? t.substring(0, t.length() - 23) : t;
        t = t.endsWith("_0") ? t.substring(0, t.length() - 2) : t;
        return t;
    }
}
