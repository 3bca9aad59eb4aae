package dev.ponder.models;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * What a GGUF model file says about itself, read in pure Java before the file ever reaches llama.cpp, whose own
 * checks abort the process or fail with messages a user cannot act on. {@link #read} checks the header and that
 * every tensor's data lies inside the file, and turns anything wrong into a {@link GgufFormatException}.
 *
 * @param file            the absolute path of the model; serialized by Jackson as a plain path string, not a URI
 * @param name            {@code general.name}, or null
 * @param blockCount      the number of layers
 * @param headCount       attention heads; for models that list them per layer, the largest
 * @param headCountKv     key/value heads (grouped-query attention); 0 when the file does not say
 * @param fileType        the quantization, e.g. "Q4_K_M", from {@code general.file_type}, else the tensor type that
 *                        holds most of the parameters; null for a file without tensors or that key
 * @param chatTemplate    {@code tokenizer.chat_template}, or null
 * @param parameterCount  the number of weights: the element counts of all tensors added up
 * @param tensorDataBytes the bytes of tensor data, which is roughly the memory the weights will take
 * @param vocabularySize  the length of {@code tokenizer.ggml.tokens}, 0 when absent
 * @param keyLength       the width of one attention head's keys, {@code attention.key_length}, else embedding / heads
 * @param valueLength     the width of one head's values, {@code attention.value_length}, else as {@code keyLength}
 * @param expertCount     experts per layer of a mixture-of-experts model, 0 for a dense model
 * @param expertUsedCount experts each token goes through, 0 for a dense model
 * @param tokenEmbeddingBytes the bytes of {@code token_embd.weight}, which llama.cpp always keeps on the CPU
 * @param outputBytes     the bytes of the output head as stored: {@code output.weight} and {@code output_norm.weight}
 * @param tiedOutput      whether the file has no {@code output.weight}, so the output head reuses the token embedding
 * @param expertBytes     the bytes of the expert tensors ({@code *_exps}), of which a token reads only its experts'
 */
public record GgufInfo(
        @JsonSerialize(using = ToStringSerializer.class) Path file,
        long fileSize,
        int version,
        long tensorCount,
        long metadataCount,
        String architecture,
        String name,
        long contextLength,
        long blockCount,
        long headCount,
        long headCountKv,
        long embeddingLength,
        String fileType,
        String chatTemplate,
        long parameterCount,
        long tensorDataBytes,
        long vocabularySize,
        long keyLength,
        long valueLength,
        long expertCount,
        long expertUsedCount,
        long tokenEmbeddingBytes,
        long outputBytes,
        boolean tiedOutput,
        long expertBytes) {

    private static final byte[] MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);
    // The smallest encodings, used to bound counts by the bytes left: empty name + dim count + type + offset,
    // and empty key + value type + one-byte value.
    private static final int MIN_TENSOR_INFO = 8 + 4 + 4 + 8;
    private static final int MIN_METADATA = 8 + 4 + 1;
    // Far more tensors or metadata entries than any real model has (mixture-of-experts models have tens of thousands).
    private static final long PLAUSIBLE_COUNT = 1 << 20;
    private static final int MAX_DIMS = 4;
    // GGML_MAX_NAME is 64 including the terminating NUL; llama.cpp refuses longer names.
    private static final int MAX_TENSOR_NAME = 63;
    private static final int MAX_KEY = 1 << 16;
    private static final int MAX_TEXT = 64 << 20;
    private static final long DEFAULT_ALIGNMENT = 32;

    private static final int STRING = 8;
    private static final int ARRAY = 9;
    private static final String[] VALUE_TYPES = {
        "uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "bool", "string", "array", "uint64", "int64",
        "float64"};
    private static final int[] VALUE_SIZES = {1, 1, 2, 2, 4, 4, 4, 1, 8, 12, 8, 8, 8};

    private static final String TOKENS = "tokenizer.ggml.tokens";
    private static final Set<String> KEPT_STRINGS = Set.of("general.architecture", "general.name",
            "tokenizer.chat_template");

    /**
     * Reads and checks the header of a GGUF file without loading its weights.
     *
     * @throws GgufFormatException when the file is missing, unreadable, not GGUF, of an unsupported version,
     *                             truncated or corrupt; the message names the file and the problem
     */
    public static GgufInfo read(Path file) throws GgufFormatException {
        Path path = file.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new GgufFormatException(path, "is a folder, not a GGUF model file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(new GgufReader(path, channel, channel.size()), path);
        } catch (GgufFormatException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new GgufFormatException(path, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new GgufFormatException(path, "cannot be opened: permission denied", e);
        } catch (IOException e) {
            throw new GgufFormatException(path, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static GgufInfo read(GgufReader in, Path file) throws GgufFormatException {
        long size = in.size();
        if (size == 0) {
            throw in.error("is empty (0 bytes), so it is not a GGUF model file: the download may have failed");
        }
        if (size < MAGIC.length) {
            throw in.error("is only " + size + " bytes long, too short to be a GGUF model file");
        }
        byte[] magic = new byte[MAGIC.length];
        for (int i = 0; i < magic.length; i++) {
            magic[i] = (byte) in.u8("the file signature");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw in.error(notGguf(magic));
        }

        long version = in.u32("the GGUF version");
        checkVersion(in, version);
        long tensorCount = in.u64("the tensor count");
        long metadataCount = in.u64("the metadata entry count");
        checkCount(in, tensorCount, MIN_TENSOR_INFO, "tensors");
        checkCount(in, metadataCount, MIN_METADATA, "metadata entries");
        in.claim("the header says " + tensorCount + " tensors and " + metadataCount + " metadata entries");
        if (tensorCount * MIN_TENSOR_INFO + metadataCount * MIN_METADATA > in.remaining()) {
            throw in.truncated("the header, which needs at least "
                    + (in.position() + tensorCount * MIN_TENSOR_INFO + metadataCount * MIN_METADATA) + " bytes");
        }

        Metadata metadata = new Metadata();
        for (long i = 1; i <= metadataCount; i++) {
            String key = in.string("the key of metadata entry " + i, MAX_KEY);
            if (!metadata.keys.add(key)) {
                throw in.error("is corrupt: it has the metadata key '" + shown(key) + "' twice");
            }
            readValue(in, key, in.u32("the value type of '" + shown(key) + "'"), metadata);
        }
        long alignment = metadata.number("general.alignment", DEFAULT_ALIGNMENT);
        if (alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw in.error("is corrupt: its general.alignment is " + alignment + ", not a power of two");
        }

        Tensors tensors = readTensors(in, tensorCount, alignment);
        // The data section starts at the first aligned byte after the header.
        long dataStart = (in.position() + alignment - 1) / alignment * alignment;
        if (tensorCount > 0
                && (dataStart > size || Long.compareUnsigned(tensors.furthestEnd, size - dataStart) > 0)) {
            BigInteger end = BigInteger.valueOf(dataStart)
                    .add(new BigInteger(Long.toUnsignedString(tensors.furthestEnd)));
            throw in.error("is truncated: tensor '" + tensors.furthest + "' data ends at byte " + end
                    + ", past the end of the file (" + size + " bytes): the download is incomplete");
        }

        String architecture = metadata.text("general.architecture");
        if (architecture == null) {
            throw in.error("has no general.architecture entry, so llama.cpp cannot tell what kind of model it is");
        }
        String prefix = architecture + ".";
        long heads = metadata.number(prefix + "attention.head_count", 0);
        long embedding = metadata.number(prefix + "embedding_length", 0);
        long keyLength = metadata.number(prefix + "attention.key_length", heads > 0 ? embedding / heads : 0);
        return new GgufInfo(file, size, (int) version, tensorCount, metadataCount, architecture,
                metadata.text("general.name"),
                metadata.number(prefix + "context_length", 0),
                metadata.number(prefix + "block_count", 0),
                heads,
                metadata.number(prefix + "attention.head_count_kv", 0),
                embedding,
                fileType(metadata, tensors),
                metadata.text("tokenizer.chat_template"),
                tensors.parameters, tensors.bytes,
                metadata.arrayLengths.getOrDefault(TOKENS, 0L),
                keyLength,
                metadata.number(prefix + "attention.value_length", keyLength),
                metadata.number(prefix + "expert_count", 0),
                metadata.number(prefix + "expert_used_count", 0),
                tensors.tokenEmbedding, tensors.output, !tensors.hasOutput, tensors.experts);
    }

    /** The values kept from the metadata: all integers, a few strings, per-layer maxima and array lengths. */
    private static final class Metadata {
        final Set<String> keys = new HashSet<>();
        final Map<String, Object> values = new HashMap<>();
        final Map<String, Long> arrayLengths = new HashMap<>();

        long number(String key, long absent) {
            return values.get(key) instanceof Long n ? n : absent;
        }

        String text(String key) {
            return values.get(key) instanceof String s ? s : null;
        }
    }

    private static final class Tensors {
        final Map<GgmlType, Long> elementsByType = new EnumMap<>(GgmlType.class);
        long parameters;
        long bytes;
        long furthestEnd; // unsigned, relative to the data section
        String furthest;
        long tokenEmbedding;
        long output;
        boolean hasOutput;
        long experts;

        /** Sorts a tensor's bytes into the parts the planner places separately (llama.cpp's tensor names). */
        void place(String name, long bytes) {
            switch (name) {
                case "token_embd.weight" -> tokenEmbedding += bytes;
                case "output.weight" -> {
                    output += bytes;
                    hasOutput = true;
                }
                case "output_norm.weight", "output_norm.bias" -> output += bytes;
                default -> experts += name.contains("_exps.") ? bytes : 0;
            }
        }
    }

    private static void checkVersion(GgufReader in, long version) throws GgufFormatException {
        if (version == 2 || version == 3) {
            return;
        }
        int swapped = Integer.reverseBytes((int) version);
        if (swapped >= 1 && swapped <= 3) {
            throw in.error("is a big-endian GGUF file, which this app cannot read: download the little-endian "
                    + "version of the model");
        }
        throw in.error("uses unsupported GGUF version " + version + (version < 2
                ? ": that format is too old for llama.cpp; download a newer conversion of the model"
                : ": this app reads versions 2 and 3; a newer Ponder may read it"));
    }

    /**
     * Refuses counts no file of this size can hold. A plausible count in too short a file is left for the caller to
     * report as truncation, which is what a cut-off download looks like.
     */
    private static void checkCount(GgufReader in, long count, int minBytes, String what)
            throws GgufFormatException {
        if (count < 0 || count > PLAUSIBLE_COUNT && count > in.remaining() / minBytes) {
            throw in.error("claims " + Long.toUnsignedString(count) + " " + what + ", more than a "
                    + humanSize(in.size()) + " file can hold");
        }
    }

    private static void readValue(GgufReader in, String key, long type, Metadata metadata)
            throws GgufFormatException {
        if (type >= VALUE_TYPES.length) {
            throw in.error("is corrupt: metadata '" + shown(key) + "' has unknown value type " + type);
        }
        String what = "the value of '" + shown(key) + "'";
        switch ((int) type) {
            case STRING -> {
                if (KEPT_STRINGS.contains(key)) {
                    metadata.values.put(key, in.string(what, MAX_TEXT));
                } else {
                    in.skipString(what);
                }
            }
            case ARRAY -> readArray(in, key, metadata);
            case 6, 7, 12 -> in.skip(VALUE_SIZES[(int) type], what); // floats and bools: nothing here needs them
            default -> metadata.values.put(key, in.integer(VALUE_SIZES[(int) type], isSigned(type), what));
        }
    }

    private static void readArray(GgufReader in, String key, Metadata metadata) throws GgufFormatException {
        String array = "the array '" + shown(key) + "'";
        long type = in.u32("the element type of " + array);
        long length = in.u64("the length of " + array);
        if (type == ARRAY) {
            throw in.error("has an array of arrays in '" + shown(key) + "', which llama.cpp cannot read");
        }
        if (type >= VALUE_TYPES.length) {
            throw in.error("is corrupt: " + array + " has unknown element type " + type);
        }
        int elementSize = VALUE_SIZES[(int) type];
        if (length < 0 || length > in.remaining() / elementSize) {
            throw in.error("is truncated or corrupt: " + array + " claims "
                    + Long.toUnsignedString(length) + " " + VALUE_TYPES[(int) type] + " elements, but only "
                    + in.remaining() + " bytes of the file remain after byte " + in.position());
        }
        metadata.arrayLengths.put(key, length);
        String what = "an element of " + array;
        if (type == STRING) {
            // The vocabulary: 150k strings on large models, only counted.
            for (long i = 0; i < length; i++) {
                in.skipString("a string in " + array);
            }
        } else if (isPerLayerCount(key) && type != 6 && type != 7 && type != 12) {
            long max = 0;
            for (long i = 0; i < length; i++) {
                max = Math.max(max, in.integer(elementSize, isSigned(type), what));
            }
            metadata.values.put(key, max);
        } else {
            in.skip(length * elementSize, what);
        }
    }

    // Some models (OpenELM, Jamba...) give head counts per layer; the largest is what sizes the caches.
    private static boolean isPerLayerCount(String key) {
        return key.endsWith(".attention.head_count") || key.endsWith(".attention.head_count_kv");
    }

    private static boolean isSigned(long type) {
        return type == 1 || type == 3 || type == 5 || type == 11;
    }

    private static Tensors readTensors(GgufReader in, long count, long alignment) throws GgufFormatException {
        Tensors tensors = new Tensors();
        Set<String> names = new HashSet<>();
        for (long t = 1; t <= count; t++) {
            String name = in.string("the name of tensor " + t, MAX_TENSOR_NAME);
            if (!names.add(name)) {
                throw in.error("is corrupt: it has two tensors named '" + shown(name) + "'");
            }
            String tensor = "tensor '" + shown(name) + "'";
            long dims = in.u32("the dimension count of " + tensor);
            if (dims > MAX_DIMS) {
                throw in.error("is corrupt: " + tensor + " claims " + dims + " dimensions, but ggml allows at most "
                        + MAX_DIMS);
            }
            long elements = 1;
            long rowLength = 1;
            for (int d = 1; d <= dims; d++) {
                long n = in.u64("dimension " + d + " of " + tensor);
                if (n <= 0) {
                    throw in.error("is corrupt: dimension " + d + " of " + tensor + " is " + n
                            + ", but sizes must be positive");
                }
                rowLength = d == 1 ? n : rowLength;
                elements = multiply(in, elements, n, tensor);
            }
            long typeId = in.u32("the type of " + tensor);
            GgmlType type = GgmlType.byId(typeId);
            if (type == null) {
                throw in.error("stores " + tensor + " in ggml type " + typeId + ", which this app does not know: "
                        + "the file is corrupt or needs a newer Ponder");
            }
            if (rowLength % type.blockSize() != 0) {
                throw in.error("is corrupt: " + tensor + " has rows of " + rowLength + " elements, not a multiple of "
                        + type.blockSize() + " as its type " + type + " needs");
            }
            long bytes = multiply(in, elements / type.blockSize(), type.typeSize(), tensor);
            long offset = in.u64("the data offset of " + tensor);
            if (offset < 0 || offset % alignment != 0) {
                throw in.error("is corrupt: " + tensor + " starts at data offset " + Long.toUnsignedString(offset)
                        + ", which is not a multiple of the alignment " + alignment);
            }
            long end = offset + bytes; // both below 2^63, so exact as unsigned
            if (tensors.furthest == null || Long.compareUnsigned(end, tensors.furthestEnd) > 0) {
                tensors.furthestEnd = end;
                tensors.furthest = shown(name);
            }
            tensors.parameters = add(in, tensors.parameters, elements);
            tensors.bytes = add(in, tensors.bytes, bytes);
            tensors.elementsByType.merge(type, elements, Long::sum);
            tensors.place(name, bytes);
        }
        return tensors;
    }

    private static long multiply(GgufReader in, long a, long b, String tensor) throws GgufFormatException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw in.error("is corrupt: " + tensor + " claims more elements than any file can hold");
        }
    }

    private static long add(GgufReader in, long a, long b) throws GgufFormatException {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw in.error("is corrupt: its tensors claim more elements than any file can hold");
        }
    }

    private static String fileType(Metadata metadata, Tensors tensors) {
        long id = metadata.number("general.file_type", -1);
        // llama.cpp sets 1024 (LLAMA_FTYPE_GUESSED) when it inferred the type itself.
        String named = id < 0 ? null : fileTypeName(id & ~1024L);
        if (named != null) {
            return named;
        }
        return tensors.elementsByType.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey().name())
                .orElse(null);
    }

    /** The llama_ftype names, as llama.cpp's quantize tool calls them. */
    static String fileTypeName(long id) {
        return switch ((int) Math.min(id, Integer.MAX_VALUE)) {
            case 0 -> "F32";
            case 1 -> "F16";
            case 2 -> "Q4_0";
            case 3 -> "Q4_1";
            case 7 -> "Q8_0";
            case 8 -> "Q5_0";
            case 9 -> "Q5_1";
            case 10 -> "Q2_K";
            case 11 -> "Q3_K_S";
            case 12 -> "Q3_K_M";
            case 13 -> "Q3_K_L";
            case 14 -> "Q4_K_S";
            case 15 -> "Q4_K_M";
            case 16 -> "Q5_K_S";
            case 17 -> "Q5_K_M";
            case 18 -> "Q6_K";
            case 19 -> "IQ2_XXS";
            case 20 -> "IQ2_XS";
            case 21 -> "Q2_K_S";
            case 22 -> "IQ3_XS";
            case 23 -> "IQ3_XXS";
            case 24 -> "IQ1_S";
            case 25 -> "IQ4_NL";
            case 26 -> "IQ3_S";
            case 27 -> "IQ3_M";
            case 28 -> "IQ2_S";
            case 29 -> "IQ2_M";
            case 30 -> "IQ4_XS";
            case 31 -> "IQ1_M";
            case 32 -> "BF16";
            case 36 -> "TQ1_0";
            case 37 -> "TQ2_0";
            case 38 -> "MXFP4_MOE";
            default -> null;
        };
    }

    private static String notGguf(byte[] magic) {
        String start = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(magic);
        String text = new String(magic, StandardCharsets.ISO_8859_1);
        String hint = "";
        if (text.startsWith("<") || text.startsWith("{")) {
            hint = ": it looks like a web page or an error message saved in place of the model";
        } else if (text.equals("lmgg") || text.equals("fmgg") || text.equals("tjgg")) {
            hint = ": it is an old GGML model, and llama.cpp now only reads GGUF";
        }
        return "is not a GGUF model file (it starts with bytes " + start + ", expected 'GGUF')" + hint;
    }

    /** A name or key from the file as it may appear in a message: corrupt ones hold control bytes or run long. */
    private static String shown(String text) {
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) || c == 0xFFFD ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }

    static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + "-byte";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
