package org.callcenter.calls;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.callcenter.calls.CallRecord.CallStatus;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the tracker's call records to the store off the event loop, in order per call (each write
 * of a call waits for the previous one), and turns abandoned calls into call-back tasks. A failed
 * write is logged and counted; the live call goes on.
 */
public final class CallRecorder implements CallLog {
    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    private static final int RECENT = 20;

    private final CallRepository repository;
    private final Blocking blocking;
    private final CallMeters meters;
    private final Clock clock;
    private final Map<String, Future<Void>> tails = new java.util.concurrent.ConcurrentHashMap<>();

    public CallRecorder(CallRepository repository, Blocking blocking, CallMeters meters, Clock clock) {
        this.repository = repository;
        this.blocking = blocking;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void save(CallRecord call) {
        chain(call.id(), "save", () -> {
            repository.upsert(call);
            repository.markLive(call.id(), call.status() != CallStatus.ENDED);
            if (call.agent() != null && call.status() == CallStatus.ACTIVE)
                repository.addRecent(call.agent(), call.id(), RECENT);
            return null;
        });
    }

    @Override
    public void abandoned(CallRecord call) {
        save(call);
        chain(call.id(), "callback", () -> {
            repository.insertCallback(new CallbackTask(
                    "cb-" + call.id(),
                    call.id(),
                    call.callerNumber(),
                    call.callerRaw(),
                    call.callerName(),
                    call.queue(),
                    "abandoned after " + (call.waitSeconds() == null ? 0 : call.waitSeconds()) + " s in queue",
                    "open",
                    null,
                    call.endedAt() != null ? call.endedAt() : clock.instant()));
            meters.callbackCreated();
            log.info(
                    "call {} from {} abandoned: call-back task created",
                    call.id(),
                    PhoneNumbers.mask(call.callerNumber()));
            return null;
        });
    }

    @Override
    public void closeVanished(Set<String> liveIds, String cause, Instant at) {
        blocking.run(() -> {
                    for (String id : repository.liveIds()) {
                        if (liveIds.contains(id) || tails.containsKey(id)) continue;
                        repository.find(id).ifPresent(stale -> {
                            if (stale.status() == CallStatus.ENDED) return;
                            repository.upsert(new CallRecord(
                                    stale.id(),
                                    stale.callerNumber(),
                                    stale.callerRaw(),
                                    stale.callerName(),
                                    stale.dialled(),
                                    stale.queue(),
                                    stale.agent(),
                                    stale.agentInterface(),
                                    stale.ivrPath(),
                                    CallStatus.ENDED,
                                    stale.answeredAt() != null
                                            ? CallRecord.CallOutcome.ANSWERED
                                            : stale.offeredAt() != null
                                                    ? CallRecord.CallOutcome.ABANDONED
                                                    : CallRecord.CallOutcome.IVR,
                                    stale.startedAt(),
                                    stale.offeredAt(),
                                    stale.answeredAt(),
                                    at,
                                    stale.waitSeconds(),
                                    null,
                                    stale.transferredTo(),
                                    cause,
                                    stale.ticketNumber()));
                        });
                        repository.markLive(id, false);
                    }
                    return null;
                })
                .onFailure(e -> {
                    meters.callStoreError("close_vanished");
                    log.warn("could not close vanished calls: {}", e.toString());
                });
    }

    private void chain(String callId, String op, Callable<Void> write) {
        Future<Void> previous = tails.getOrDefault(callId, Future.succeededFuture());
        Future<Void> next = previous.transform(ignored -> blocking.run(write)).onFailure(e -> {
            meters.callStoreError(op);
            log.warn("call {}: {} failed: {}", callId, op, e.toString());
        });
        tails.put(callId, next);
        next.onComplete(ar -> tails.remove(callId, next));
    }
}
