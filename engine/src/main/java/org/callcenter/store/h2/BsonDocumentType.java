package org.callcenter.store.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 value type for stored documents: the document's BSON bytes (what the wire carries anyway)
 * instead of H2's default, Java serialization of the {@link Document} object graph. The memory
 * estimate is the running average of written and read sizes, as H2 does for serialized objects.
 */
public final class BsonDocumentType extends BasicDataType<Document> {
    public static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private volatile int averageSize = 1024;

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document obj) {
        return 2 * averageSize + 64; // decoded objects take about twice their BSON size
    }

    @Override
    public void write(WriteBuffer buff, Document doc) {
        ByteBuf out = Unpooled.buffer(Math.max(256, averageSize + 64));
        BsonEncoder.encodeDocument(doc, out);
        int size = out.readableBytes();
        buff.put(out.array(), out.arrayOffset() + out.readerIndex(), size);
        averageSize = (averageSize * 15 + size) / 16;
    }

    @Override
    public Document read(ByteBuffer buff) {
        int size = Integer.reverseBytes(buff.getInt(buff.position())); // BSON length, little-endian
        byte[] bytes = new byte[size];
        buff.get(bytes);
        averageSize = (averageSize * 15 + size) / 16; // a reopened file is only read at first
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
