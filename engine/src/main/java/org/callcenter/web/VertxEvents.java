package org.callcenter.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.JsonMapper;

/**
 * Publishes domain records on the Vert.x event bus. Locally they travel as the record itself; across
 * a cluster they travel as JSON with the record's class name in a header.
 */
public final class VertxEvents implements EventPublisher {
    private static final String CODEC = "callcenter-record";
    private final Vertx vertx;
    private final DeliveryOptions options = new DeliveryOptions().setCodecName(CODEC);

    public VertxEvents(Vertx vertx) {
        this.vertx = vertx;
        vertx.eventBus().registerCodec(new RecordCodec());
    }

    @Override
    public void publish(String address, Object event) {
        vertx.eventBus().publish(address, event, options);
    }

    private static final class RecordCodec implements MessageCodec<Object, Object> {
        @Override
        public void encodeToWire(Buffer buffer, Object o) {
            byte[] type = o.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] body = JsonMapper.write(o).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            buffer.appendInt(type.length)
                    .appendBytes(type)
                    .appendInt(body.length)
                    .appendBytes(body);
        }

        @Override
        public Object decodeFromWire(int pos, Buffer buffer) {
            int typeLength = buffer.getInt(pos);
            String type = buffer.getString(pos + 4, pos + 4 + typeLength);
            int bodyStart = pos + 4 + typeLength;
            int bodyLength = buffer.getInt(bodyStart);
            String body = buffer.getString(bodyStart + 4, bodyStart + 4 + bodyLength);
            try {
                return JsonMapper.read(body, Class.forName(type));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("unknown event type " + type, e);
            }
        }

        @Override
        public Object transform(Object o) {
            return o; // records are immutable
        }

        @Override
        public String name() {
            return CODEC;
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
