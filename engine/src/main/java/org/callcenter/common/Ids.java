package org.callcenter.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random opaque identifiers for documents (24 hex characters, like a MongoDB ObjectId). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
