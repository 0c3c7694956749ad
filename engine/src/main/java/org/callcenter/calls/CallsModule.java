package org.callcenter.calls;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;
import org.callcenter.calls.CallEvents.CallChanged;
import org.callcenter.calls.CallEvents.CallSignal;
import org.callcenter.calls.CallRecord.CallOutcome;
import org.callcenter.common.EventPublisher;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;

/**
 * Wiring of the call domain: the tracker runs on one Vert.x context of its own, and every signal
 * from the edge is queued onto it at once ({@link #accept}); agents' presence follows the calls.
 */
public final class CallsModule {
    private final Context context;
    private final CallTracker tracker;

    public CallsModule(
            Vertx vertx,
            EventPublisher events,
            CallLog callLog,
            AgentService agents,
            PhoneNumbers phones,
            CallMeters meters,
            Clock clock) {
        this.context = vertx.getOrCreateContext();
        this.tracker = new CallTracker(events, callLog, agents::agentOf, phones, meters, clock);
        EventBus bus = vertx.eventBus();
        bus.<CallChanged>localConsumer(CallEvents.ANSWERED, m -> {
            CallRecord c = m.body().call();
            if (c.agent() != null) agents.setPresence(c.agent(), Presence.ON_CALL, c.id());
        });
        bus.<CallChanged>localConsumer(CallEvents.ENDED, m -> {
            CallRecord c = m.body().call();
            if (c.agent() != null && c.outcome() != CallOutcome.ABANDONED)
                agents.transition(c.agent(), List.of(Presence.ON_CALL), Presence.WRAP_UP, c.id());
        });
        bus.<CallEvents.QueueMembers>localConsumer(CallEvents.QUEUE_MEMBERS, m -> {
            Map<String, List<String>> byQueue = new LinkedHashMap<>();
            for (var member : m.body().members())
                byQueue.computeIfAbsent(member.queue(), q -> new ArrayList<>()).add(member.agentInterface());
            byQueue.forEach(agents::queueMembers);
        });
    }

    /** Hands an edge signal to the tracker's context; callable from any thread, never blocks. */
    public void accept(CallSignal signal) {
        context.runOnContext(v -> tracker.apply(signal));
    }

    /**
     * Hands the live calls to {@code seed} on the tracker's context: every change after them is
     * published afterwards, so a consumer seeded here and listening to the call events misses none.
     */
    public void withLiveCalls(java.util.function.Consumer<List<CallRecord>> seed) {
        context.runOnContext(v -> seed.accept(tracker.liveCalls()));
    }

    /** Live calls (read on the tracker's context for an exact value; approximate elsewhere). */
    public int live() {
        return tracker.live();
    }
}
