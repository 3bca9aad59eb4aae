package dev.ponder.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes GGUF files for tests, valid by default; {@link Raw} writes arbitrary, possibly broken, bytes. Public for the
 * synthetic models of {@code dev.ponder.testing}, which give real model shapes with sparse (all-zero) tensor data.
 */
public final class GgufBuilder {

    private final Raw metadata = new Raw();
    private final Raw tensorInfos = new Raw();
    private int version = 3;
    private int alignment = 32;
    private long metadataCount;
    private long tensorCount;
    private long dataEnd;

    public GgufBuilder version(int version) {
        this.version = version;
        return this;
    }

    public GgufBuilder alignment(int alignment) {
        this.alignment = alignment;
        return uint32("general.alignment", alignment);
    }

    public GgufBuilder string(String key, String value) {
        metadataCount++;
        metadata.str(key).u32(8).str(value);
        return this;
    }

    public GgufBuilder uint32(String key, long value) {
        metadataCount++;
        metadata.str(key).u32(4).u32(value);
        return this;
    }

    public GgufBuilder float32(String key, float value) {
        metadataCount++;
        metadata.str(key).u32(6).u32(Float.floatToIntBits(value));
        return this;
    }

    public GgufBuilder int32s(String key, int... values) {
        metadataCount++;
        metadata.str(key).u32(9).u32(5).u64(values.length);
        for (int v : values) {
            metadata.u32(v);
        }
        return this;
    }

    public GgufBuilder strings(String key, String... values) {
        metadataCount++;
        metadata.str(key).u32(9).u32(8).u64(values.length);
        for (String v : values) {
            metadata.str(v);
        }
        return this;
    }

    /** A tensor placed after the previous one, at the next aligned offset of the data section. */
    public GgufBuilder tensor(String name, GgmlType type, long... dims) {
        long elements = 1;
        for (long d : dims) {
            elements *= d;
        }
        long offset = align(dataEnd);
        tensorCount++;
        tensorInfos.str(name).u32(dims.length);
        for (long d : dims) {
            tensorInfos.u64(d);
        }
        tensorInfos.u32(type.id()).u64(offset);
        dataEnd = offset + elements / type.blockSize() * type.typeSize();
        return this;
    }

    /** The llama-shaped metadata most tests need. */
    public static GgufBuilder llama() {
        return new GgufBuilder()
                .string("general.architecture", "llama")
                .string("general.name", "Tiny Test")
                .uint32("llama.context_length", 4096)
                .uint32("llama.block_count", 2)
                .uint32("llama.embedding_length", 256)
                .uint32("llama.attention.head_count", 8)
                .uint32("llama.attention.head_count_kv", 2)
                .strings("tokenizer.ggml.tokens", "<unk>", "<s>", "</s>", "hello");
    }

    public byte[] build() {
        Raw out = header();
        out.zeros((int) dataEnd);
        return out.toByteArray();
    }

    /** The header, padded to where the tensor data starts. */
    private Raw header() {
        Raw out = new Raw().ascii("GGUF").u32(version).u64(tensorCount).u64(metadataCount)
                .bytes(metadata.toByteArray()).bytes(tensorInfos.toByteArray());
        out.zeros((int) (align(out.size()) - out.size()));
        return out;
    }

    /**
     * Writes the header and extends the file over the tensor data without writing it: the file system keeps the
     * zeros as a hole, so a 40 GB model shape takes a few megabytes of disk.
     */
    public Path writeSparse(Path file) {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] header = header().toByteArray();
            out.setLength(0);
            out.write(header);
            out.setLength(header.length + dataEnd);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GgufBuilder float32s(String key, float[] values) {
        metadataCount++;
        metadata.str(key).u32(9).u32(6).u64(values.length);
        for (float v : values) {
            metadata.u32(Float.floatToIntBits(v));
        }
        return this;
    }

    public Path write(Path dir, String name) {
        return GgufBuilder.write(dir.resolve(name), build());
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] patchU64(byte[] bytes, int at, long value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
        return copy;
    }

    private long align(long position) {
        return (position + alignment - 1) / alignment * alignment;
    }

    /** Little-endian bytes, written exactly as told. */
    static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Raw ascii(String text) {
            return bytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        Raw u32(long value) {
            return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
        }

        Raw u64(long value) {
            return bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        }

        Raw str(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return u64(utf8.length).bytes(utf8);
        }

        Raw zeros(int count) {
            return bytes(new byte[count]);
        }

        Raw bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
