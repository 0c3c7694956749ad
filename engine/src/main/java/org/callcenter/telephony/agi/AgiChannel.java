package org.callcenter.telephony.agi;

import io.vertx.core.Future;

/**
 * The engine's side of one FastAGI session: one command at a time, each answered by one reply.
 * A failed future carries {@link AgiHangupException} when the caller is gone, {@link
 * AgiProtocolException} for 510/520 replies or garbage.
 */
public interface AgiChannel {
    Future<AgiReply> send(String command);

    boolean hungUp();

    /** Quotes an argument for an AGI command line ("" for empty). */
    static String quote(String s) {
        if (s == null || s.isEmpty()) return "\"\"";
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ") + "\"";
    }
}
