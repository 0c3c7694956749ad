package org.callcenter.telephony.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.callcenter.common.Timers;

/**
 * Places simulated hotline calls on an {@link AmiServer}: the phones of the queue's members ring,
 * one answers after {@code ring} (or the caller gives up), they talk for {@code talk}, both hang up.
 * Timing goes through {@link Timers}, so nothing here sleeps.
 */
public final class DemoPbx {
    public static final String QUEUE = "support";

    private final AmiServer server;
    private final Timers timers;
    private final Clock clock;
    private final List<String[]> members;
    private final CallScript.Ids ids;
    private volatile BiConsumer<String, Long> onRing = (id, nanos) -> {};
    private long autoTimer = -1;

    /** {@code members}: {interface, name} pairs, e.g. {"Local/101@queue-agents/n", "Agent 101"}. */
    public DemoPbx(AmiServer server, Timers timers, Clock clock, List<String[]> members) {
        this.server = server;
        this.timers = timers;
        this.clock = clock;
        this.members = members;
        this.ids = new CallScript.Ids(clock.instant().getEpochSecond());
        for (String[] m : members) server.member(QUEUE, m[1], m[0]);
    }

    /** Called with (call id, System.nanoTime()) just before a call's AgentCalled events are emitted. */
    public void onRing(BiConsumer<String, Long> listener) {
        this.onRing = listener;
    }

    /**
     * One call. {@code answeredBy}: index of the member who answers, or -1 for a caller who hangs up
     * unanswered after {@code ring}. Returns the call id (Asterisk's Linkedid).
     */
    public String call(String callerNum, String callerName, int answeredBy, Duration ring, Duration talk) {
        CallScript script = new CallScript(ids, QUEUE, callerNum, callerName, members);
        onRing.accept(script.linkedId(), System.nanoTime());
        emit(script.ring(clock.instant()));
        timers.once(ring, () -> {
            if (answeredBy < 0) {
                emit(script.abandon(clock.instant()));
                return;
            }
            emit(script.answer(clock.instant(), answeredBy));
            timers.once(talk, () -> emit(script.hangup(clock.instant(), answeredBy)));
        });
        return script.linkedId();
    }

    /** Step by step, for tests that control each phase themselves. */
    public CallScript script(String callerNum, String callerName) {
        return new CallScript(ids, QUEUE, callerNum, callerName, members);
    }

    public void emit(List<Map<String, String>> events) {
        for (Map<String, String> e : events) server.emit(e);
    }

    /** A call every {@code interval} from one of {@code callers} ({number, name}); 1 in 6 abandons. */
    public void startAutomatic(Duration interval, List<String[]> callers, Duration ring, Duration talk) {
        autoTimer = timers.every(interval, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String[] caller = callers.get(r.nextInt(callers.size()));
            int answeredBy = r.nextInt(6) == 0 ? -1 : r.nextInt(members.size());
            call(caller[0], caller[1], answeredBy, ring, talk);
        });
    }

    public void stop() {
        if (autoTimer >= 0) timers.cancel(autoTimer);
    }
}
