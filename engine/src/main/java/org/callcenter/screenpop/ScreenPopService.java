package org.callcenter.screenpop;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import org.callcenter.calls.CallEvents;
import org.callcenter.calls.CallEvents.AgentAlerted;
import org.callcenter.calls.CallEvents.CallChanged;
import org.callcenter.calls.CallEvents.RingCancelled;
import org.callcenter.calls.CallRecord;
import org.callcenter.common.JsonMapper;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns call events into console messages: when an agent's phone rings, the caller's history (from
 * the cache, else MongoDB) goes to that agent only, and to supervisors; then answered, ring
 * cancelled, ended. A history that cannot be read still pops (without history), never late.
 */
public final class ScreenPopService {
    private static final Logger log = LoggerFactory.getLogger(ScreenPopService.class);

    private final EventBus bus;
    private final CallerHistoryService history;
    private final CallMeters meters;
    private final Clock clock;
    /** History lookups of calls still ringing, by call id; dropped when the call is answered or ends. */
    private final java.util.Map<String, Future<CallerHistory>> lookups = new java.util.concurrent.ConcurrentHashMap<>();

    public ScreenPopService(EventBus bus, CallerHistoryService history, CallMeters meters, Clock clock) {
        this.bus = bus;
        this.history = history;
        this.meters = meters;
        this.clock = clock;
    }

    /** Listens on this instance's call events (the instance that owns the AMI connection). */
    public void start() {
        bus.<AgentAlerted>localConsumer(CallEvents.AGENT_RINGING, m -> ringing(m.body()));
        bus.<RingCancelled>localConsumer(CallEvents.RING_CANCELLED, m -> cancelled(m.body()));
        bus.<CallChanged>localConsumer(
                CallEvents.ANSWERED, m -> changed("answered", m.body().call()));
        bus.<CallChanged>localConsumer(
                CallEvents.TRANSFERRED, m -> changed("transferred", m.body().call()));
        bus.<CallChanged>localConsumer(
                CallEvents.ENDED, m -> changed("ended", m.body().call()));
    }

    void ringing(AgentAlerted alert) {
        CallRecord call = alert.call();
        // ringall rings several agents for one caller: one history lookup serves them all
        Future<CallerHistory> lookup = call.callerNumber() == null
                ? Future.succeededFuture(null)
                : lookups.computeIfAbsent(call.id(), id -> safely(() -> history.lookup(call.callerNumber())));
        lookup.recover(e -> {
                    log.warn("pop for call {} without history: {}", call.id(), e.toString());
                    return Future.succeededFuture(null);
                })
                .onSuccess(h -> {
                    JsonObject pop = new JsonObject()
                            .put("type", "ringing")
                            .put("callId", call.id())
                            .put("agent", alert.agent())
                            .put("agentInterface", alert.agentInterface())
                            .put("queue", call.queue())
                            .put("dialled", call.dialled())
                            .put(
                                    "caller",
                                    new JsonObject()
                                            .put("number", call.callerNumber())
                                            .put("raw", call.callerRaw())
                                            .put("name", call.callerName())
                                            .put("withheld", call.callerNumber() == null))
                            .put("ivrPath", call.ivrPath())
                            .put(
                                    "offeredAt",
                                    call.offeredAt() == null
                                            ? null
                                            : call.offeredAt().toString())
                            .put(
                                    "waitSeconds",
                                    call.offeredAt() == null
                                            ? 0
                                            : Math.max(
                                                    0,
                                                    Duration.between(call.offeredAt(), clock.instant())
                                                            .toSeconds()))
                            .put("newCaller", h == null || !h.known())
                            .put("historyAvailable", h != null || call.callerNumber() == null)
                            .put("history", h == null ? null : new JsonObject(JsonMapper.write(h)));
                    String text = pop.encode();
                    if (alert.agent() != null) bus.publish(ScreenPopEvents.agent(alert.agent()), text);
                    bus.publish(ScreenPopEvents.SUPERVISORS, text);
                    meters.popSent(
                            call.callerNumber() == null ? "withheld" : h != null && h.known() ? "known" : "unknown",
                            System.nanoTime() - alert.edgeNanos());
                    log.debug(
                            "pop call {} from {} to agent {}",
                            call.id(),
                            PhoneNumbers.mask(call.callerNumber()),
                            alert.agent());
                });
    }

    private static <T> Future<T> safely(java.util.function.Supplier<Future<T>> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    void cancelled(RingCancelled r) {
        String text = new JsonObject()
                .put("type", "ring_cancelled")
                .put("callId", r.callId())
                .put("agent", r.agent())
                .put("reason", r.reason())
                .encode();
        if (r.agent() != null) bus.publish(ScreenPopEvents.agent(r.agent()), text);
        bus.publish(ScreenPopEvents.SUPERVISORS, text);
    }

    void changed(String type, CallRecord call) {
        lookups.remove(call.id());
        String text = new JsonObject()
                .put("type", type)
                .put("callId", call.id())
                .put("call", new JsonObject(JsonMapper.write(call)))
                .encode();
        if (call.agent() != null) bus.publish(ScreenPopEvents.agent(call.agent()), text);
        bus.publish(ScreenPopEvents.SUPERVISORS, text);
    }
}
