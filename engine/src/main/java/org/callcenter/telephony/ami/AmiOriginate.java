package org.callcenter.telephony.ami;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.callcenter.telephony.OriginateCall;

/**
 * {@link OriginateCall} as a synchronous AMI Originate (Async=false: Asterisk answers once the first
 * leg, the agent's phone, is up or has failed), sent off the event loop. Every failure (Error
 * response, timeout, socket gone) becomes an unsuccessful result, never an exception.
 */
final class AmiOriginate {
    private AmiOriginate() {}

    static CompletableFuture<OriginateCall.Result> send(ManagerConnection c, ExecutorService io, OriginateCall call) {
        CompletableFuture<OriginateCall.Result> out = new CompletableFuture<>();
        try {
            io.execute(() -> {
                try {
                    OriginateAction a = new OriginateAction();
                    a.setChannel(call.channel());
                    a.setContext(call.context());
                    a.setExten(call.exten());
                    a.setPriority(1);
                    a.setCallerId(call.callerId());
                    a.setTimeout(call.timeout().toMillis());
                    a.setAsync(false);
                    ManagerResponse r = c.sendAction(a, call.timeout().toMillis() + 5_000);
                    boolean ok = "Success".equalsIgnoreCase(r.getResponse());
                    out.complete(new OriginateCall.Result(ok, r.getMessage()));
                } catch (Exception e) {
                    out.complete(new OriginateCall.Result(false, e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            out.complete(new OriginateCall.Result(false, "AMI is stopping"));
        }
        return out;
    }
}
