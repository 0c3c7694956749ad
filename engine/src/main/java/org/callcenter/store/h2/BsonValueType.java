package org.callcenter.store.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 key/value type for what the mongo-java-server backend keys its maps with: a document's
 * {@code _id} (or position) and a unique index's {@link KeyValue}. Values are written as a BSON
 * type byte plus the BSON value, and compared with the server's own MongoDB ordering. H2's
 * default type compares a non-Comparable key (a KeyValue) by Java-serializing both sides on
 * every B-tree step; this one compares the objects.
 */
public final class BsonValueType extends BasicDataType<Object> {
    public static final BsonValueType INSTANCE = new BsonValueType();

    private static final byte MISSING = 0; // BSON "end of object": never a value type
    private static final byte KEY_VALUE = -1; // a tuple of values (unique index key)
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private BsonValueType() {}

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            int n = Math.min(ka.size(), kb.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(ka.get(i), kb.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(ka.size(), kb.size());
        }
        if (a instanceof KeyValue) return 1;
        if (b instanceof KeyValue) return -1;
        return compareValues(a, b);
    }

    /** MongoDB order, except that a missing field sorts before (and differs from) null, as KeyValue.equals does. */
    private static int compareValues(Object a, Object b) {
        boolean ma = a instanceof Missing;
        boolean mb = b instanceof Missing;
        if (ma || mb) return ma == mb ? 0 : ma ? -1 : 1;
        return VALUES.compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue kv) return 48 + 40 * kv.size();
        return obj instanceof String s ? 40 + 2 * s.length() : 48;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue kv) {
            buff.put(KEY_VALUE).putVarInt(kv.size());
            for (Object v : kv) writeValue(buff, v);
        } else {
            writeValue(buff, obj);
        }
    }

    private static void writeValue(WriteBuffer buff, Object value) {
        if (value instanceof Missing) {
            buff.put(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        ByteBuf out = Unpooled.buffer(32);
        BsonEncoder.encodeValue(type, value, out);
        buff.put(type).putVarInt(out.readableBytes());
        buff.put(out.array(), out.arrayOffset() + out.readerIndex(), out.readableBytes());
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get();
        if (tag != KEY_VALUE) return readValue(tag, buff);
        int n = readVarInt(buff);
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) values.add(readValue(buff.get(), buff));
        return new KeyValue(values);
    }

    private static Object readValue(byte type, ByteBuffer buff) {
        if (type == MISSING) return Missing.getInstance();
        byte[] bytes = new byte[readVarInt(buff)];
        buff.get(bytes);
        return BsonDecoder.decodeValue(type, Unpooled.wrappedBuffer(bytes));
    }

    static int readVarInt(ByteBuffer buff) {
        return org.h2.mvstore.DataUtils.readVarInt(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
