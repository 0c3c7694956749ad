package org.callcenter.telephony.agi;

import io.vertx.core.Future;

/** Runs one FastAGI session; the socket is closed when the returned future completes. */
@FunctionalInterface
public interface AgiHandler {
    Future<Void> handle(AgiRequest request, AgiChannel channel);
}
