package cn.lishui.police.platform.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * BSON values as the embedded store writes them to its file and orders them as keys.
 *
 * <p>H2's default {@link ObjectDataType} Java-serialises every value it does not know (documents, index
 * keys) to write it, and also to compare two of them, which made every unique-index lookup of the embedded
 * store serialise the keys it walked past. Here values are written as BSON (mongo-java-server's own codec)
 * and compared directly.
 *
 * <p>Order: the values {@link ObjectDataType} compares without serialising (strings, numbers, booleans,
 * object ids, dates and other {@link Comparable}s of one class) keep exactly its order, so a collection's
 * natural order (by {@code _id}) is what it was. Documents, arrays, {@link Missing} and other values it
 * compared by their serialised bytes come after those, ordered by kind (document, array, or class) and then
 * by their BSON bytes: the unique indexes only ever look keys up by equality, for which only "equal bytes ⇔
 * equal key" matters.
 */
final class BsonValues {

    /** A value that BSON has no type for: mongo-java-server's marker of an absent field. */
    private static final byte MISSING = (byte) 0x70;
    private static final ObjectDataType PLAIN = new ObjectDataType();
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private BsonValues() {
    }

    static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        boolean plainA = isPlain(a);
        boolean plainB = isPlain(b);
        if (plainA && plainB) {
            return PLAIN.compare(a, b);
        }
        if (plainA != plainB) {
            return plainA ? -1 : 1;
        }
        int byKind = kind(a).compareTo(kind(b));
        if (byKind != 0) {
            return byKind;
        }
        return Arrays.compareUnsigned(encode(a), encode(b));
    }

    /** Documents and arrays of any Java class are one kind each: they are written and read back as BSON. */
    private static String kind(Object value) {
        return value instanceof Map ? "document" : value instanceof Collection ? "array" : value.getClass().getName();
    }

    /** Values {@link ObjectDataType} orders without serialising them (a Comparable of a class of its own). */
    private static boolean isPlain(Object value) {
        return value instanceof Comparable && !(value instanceof Map) && !(value instanceof Collection);
    }

    static void write(WriteBuffer buffer, Object value) {
        ByteBuf scratch = scratch();
        writeTo(scratch, value);
        buffer.putVarInt(scratch.readableBytes()).put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
    }

    static Object read(ByteBuffer buffer) {
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        return readFrom(take(buffer, length));
    }

    static void writeDocument(WriteBuffer buffer, Document document) {
        ByteBuf scratch = scratch();
        BsonEncoder.encodeDocument(document, scratch);
        buffer.put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
    }

    static Document readDocument(ByteBuffer buffer) {
        // a BSON document starts with its own length (int32, little-endian)
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        return BsonDecoder.decodeBson(take(buffer, length));
    }

    /** The next {@code length} bytes of the buffer, which moves past them. */
    private static ByteBuf take(ByteBuffer buffer, int length) {
        ByteBuf bytes;
        if (buffer.hasArray()) {
            bytes = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
            buffer.position(buffer.position() + length);
        } else {
            byte[] copy = new byte[length];
            buffer.get(copy);
            bytes = Unpooled.wrappedBuffer(copy);
        }
        return bytes;
    }

    static byte[] encode(Object value) {
        ByteBuf scratch = scratch();
        writeTo(scratch, value);
        byte[] bytes = new byte[scratch.readableBytes()];
        scratch.readBytes(bytes);
        return bytes;
    }

    static Object decode(byte[] bytes) {
        return readFrom(Unpooled.wrappedBuffer(bytes));
    }

    private static void writeTo(ByteBuf out, Object value) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
    }

    private static Object readFrom(ByteBuf in) {
        byte type = in.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
    }

    private static ByteBuf scratch() {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        return scratch;
    }

    /** A rough size on the heap, for MVStore's page cache accounting (sampled by MVStore, not exact). */
    static int memory(Object value) {
        return memory(value, 0);
    }

    private static int memory(Object value, int depth) {
        if (value == null || value instanceof Missing) {
            return 0;
        }
        if (value instanceof String text) {
            return 48 + text.length() * 2;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return 16;
        }
        if (depth > 8) {
            return 64;
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + memory(entry.getKey(), depth + 1) + memory(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + memory(element, depth + 1);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 48;
    }
}
