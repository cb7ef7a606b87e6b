package cn.lishui.police.platform.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** One BSON value as an MVStore key or value: a document's {@code _id}, an index entry's position. */
final class BsonValueType extends BasicDataType<Object> {

    static final BsonValueType INSTANCE = new BsonValueType();

    private BsonValueType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return BsonValues.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        return BsonValues.memory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        BsonValues.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return BsonValues.read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
