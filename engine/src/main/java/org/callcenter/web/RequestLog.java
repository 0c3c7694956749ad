package org.callcenter.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.callcenter.phone.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Access log with phone numbers masked (paths such as /callers/{phone}/history carry them). */
final class RequestLog implements Handler<RoutingContext> {
    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            int status = ctx.response().getStatusCode();
            if (status >= 500 || log.isDebugEnabled()) {
                String line = String.format(
                        "%s %s %d %.1fms",
                        ctx.request().method(),
                        PhoneNumbers.maskDigitsIn(ctx.request().path()),
                        status,
                        (System.nanoTime() - started) / 1e6);
                if (status >= 500) log.warn(line);
                else log.debug(line);
            }
        });
        ctx.next();
    }
}
