package org.callcenter.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callcenter.calls.CallEvents.AgentAlerted;
import org.callcenter.calls.CallEvents.AgentRinging;
import org.callcenter.calls.CallEvents.CallAnswered;
import org.callcenter.calls.CallEvents.CallChanged;
import org.callcenter.calls.CallEvents.CallEnded;
import org.callcenter.calls.CallEvents.CallOffered;
import org.callcenter.calls.CallEvents.ChannelOpened;
import org.callcenter.calls.CallEvents.LiveSnapshot;
import org.callcenter.calls.CallEvents.RingCancelled;
import org.callcenter.common.EventPublisher;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;
import org.junit.jupiter.api.Test;

/** The tracker alone (no servers): duplicates, events out of order, missing pieces, resync. */
class CallTrackerTest {
    final Instant t0 = Instant.parse("2026-11-25T02:00:00Z");
    final List<Object[]> published = new ArrayList<>();
    final List<CallRecord> saved = new ArrayList<>();
    final List<CallRecord> abandoned = new ArrayList<>();
    final EventPublisher events = (address, event) -> published.add(new Object[] {address, event});
    final CallLog log = new CallLog() {
        @Override
        public void save(CallRecord call) {
            saved.add(call);
        }

        @Override
        public void abandoned(CallRecord call) {
            abandoned.add(call);
        }

        @Override
        public void closeVanished(Set<String> liveIds, String cause, Instant at) {}
    };
    final Map<String, String> agents = Map.of("PJSIP/1001", "ann", "PJSIP/1002", "bob");
    final CallTracker tracker = new CallTracker(
            events,
            log,
            agents::get,
            new PhoneNumbers("CN"),
            new CallMeters(new SimpleMeterRegistry()),
            Clock.fixed(t0, ZoneOffset.UTC));

    <T> List<T> sent(String address, Class<T> type) {
        return published.stream()
                .filter(p -> p[0].equals(address))
                .map(p -> type.cast(p[1]))
                .toList();
    }

    @Test
    void aRingReportedByAgentCalledAndDialBeginAlertsOnceAndAnAnswerCancelsTheOthers() {
        tracker.apply(new ChannelOpened("1.0", "1.0", "PJSIP/trunk-01", "13800138000", "Li Wei", "4000", t0));
        tracker.apply(new CallOffered("1.0", "1.0", "support", "13800138000", "Li Wei", t0));
        tracker.apply(new AgentRinging("1.0", "support", "PJSIP/1001", "Ann", true, t0, 0));
        tracker.apply(new AgentRinging("1.0", null, "PJSIP/1001", null, false, t0, 0));
        tracker.apply(new AgentRinging("1.0", "support", "PJSIP/1002", "Bob", true, t0, 0));
        tracker.apply(new AgentRinging("1.0", null, "PJSIP/trunk-02", null, false, t0, 0)); // not an agent
        assertThat(sent(CallEvents.AGENT_RINGING, AgentAlerted.class))
                .extracting(AgentAlerted::agent)
                .containsExactly("ann", "bob");
        tracker.apply(new CallAnswered("1.0", "PJSIP/1002", false, t0.plusSeconds(5)));
        tracker.apply(new CallAnswered("1.0", "PJSIP/1002", true, t0.plusSeconds(5)));
        assertThat(sent(CallEvents.ANSWERED, CallChanged.class)).hasSize(1);
        assertThat(sent(CallEvents.RING_CANCELLED, RingCancelled.class))
                .extracting(RingCancelled::agent)
                .containsExactly("ann");
        tracker.apply(new CallEnded("1.0", "1.0", 16, "Normal Clearing", t0.plusSeconds(65)));
        CallRecord end = sent(CallEvents.ENDED, CallChanged.class).getFirst().call();
        assertThat(end.outcome()).isEqualTo(CallRecord.CallOutcome.ANSWERED);
        assertThat(end.callerNumber()).isEqualTo("+8613800138000");
        assertThat(end.waitSeconds()).isEqualTo(5);
        assertThat(end.talkSeconds()).isEqualTo(60);
        assertThat(end.agent()).isEqualTo("bob");
        assertThat(tracker.live()).isZero();
    }

    @Test
    void manyIvrSessionsOnOneCallKeepOnlyTheLatestStepsInOrder() {
        // e.g. a dialplan that sends the caller back into the IVR again and again: the path stays bounded
        for (int i = 0; i < 500; i++)
            tracker.apply(new CallEvents.IvrFinished("6.0", List.of("menu:" + i, "queue"), t0));
        tracker.apply(new ChannelOpened("6.0", "6.0", "PJSIP/trunk-01", "13800138000", "", "4000", t0));
        tracker.apply(new CallEvents.IvrFinished("6.0", List.of("survey:5"), t0));
        tracker.apply(new CallOffered("6.0", "6.0", "support", "13800138000", "", t0));
        List<String> path =
                sent(CallEvents.OFFERED, CallChanged.class).getFirst().call().ivrPath();
        assertThat(path).hasSize(CallTracker.MAX_IVR_PATH);
        assertThat(path.getLast()).isEqualTo("survey:5");
        assertThat(path.get(path.size() - 3)).isEqualTo("menu:499");
        assertThat(path.getFirst()).isEqualTo("queue"); // the oldest kept step: 199 older ones were dropped
    }

    @Test
    void shortIvrPathsAreJoinedWhole() {
        assertThat(CallTracker.joined(List.of("a", "b"), List.of("c"))).containsExactly("a", "b", "c");
        List<String> before = java.util.Collections.nCopies(CallTracker.MAX_IVR_PATH, "x");
        assertThat(CallTracker.joined(before, List.of("y", "z")))
                .hasSize(CallTracker.MAX_IVR_PATH)
                .endsWith("x", "y", "z");
        List<String> more = java.util.stream.IntStream.range(0, CallTracker.MAX_IVR_PATH + 5)
                .mapToObj(Integer::toString)
                .toList();
        assertThat(CallTracker.joined(List.of("old"), more)).containsExactlyElementsOf(more.subList(5, more.size()));
    }

    @Test
    void eventsOutOfOrderOrForUnknownCallsChangeNothingAndCrashNothing() {
        tracker.apply(new CallEnded("9.0", "9.1", 16, null, t0)); // hangup of a call never seen
        tracker.apply(new CallAnswered("9.0", "PJSIP/1001", true, t0)); // answer of a call never seen
        assertThat(published).isEmpty();
        // ring before the call's first channel: the call is created, then ends on its first hangup
        tracker.apply(new AgentRinging("8.0", "support", "PJSIP/1001", "Ann", true, t0, 0));
        tracker.apply(new CallEnded("8.0", "8.0", 16, null, t0.plusSeconds(9)));
        assertThat(abandoned).extracting(CallRecord::id).containsExactly("8.0");
        assertThat(sent(CallEvents.RING_CANCELLED, RingCancelled.class)).hasSize(1);
    }

    @Test
    void anUnansweredQueueCallIsAbandoned() {
        tracker.apply(new ChannelOpened("2.0", "2.0", "PJSIP/trunk-01", "<unknown>", "<unknown>", "4000", t0));
        tracker.apply(new CallOffered("2.0", "2.0", "support", "<unknown>", "", t0));
        tracker.apply(new CallEnded("2.0", "2.0", 16, "Normal Clearing", t0.plusSeconds(30)));
        assertThat(abandoned).hasSize(1);
        assertThat(abandoned.getFirst().callerNumber()).isNull();
        assertThat(abandoned.getFirst().waitSeconds()).isEqualTo(30);
    }

    @Test
    void aResyncAfterAsteriskRestartedEndsEveryCall() {
        tracker.apply(new LiveSnapshot("2026-11-25 00:33:11", List.of(), List.of(), System.nanoTime()));
        tracker.apply(new ChannelOpened("3.0", "3.0", "PJSIP/trunk-01", "13800138000", "", "4000", t0));
        tracker.apply(new LiveSnapshot("2026-11-25 02:10:00", List.of(), List.of(), System.nanoTime()));
        CallRecord end = sent(CallEvents.ENDED, CallChanged.class).getFirst().call();
        assertThat(end.endCause()).isEqualTo("asterisk restarted");
        assertThat(end.outcome()).isEqualTo(CallRecord.CallOutcome.IVR);
    }

    @Test
    void aTransferredCallEndsTransferredAndLeavingTheQueueStopsTheRinging() {
        tracker.apply(new ChannelOpened("4.0", "4.0", "PJSIP/trunk-01", "13800138000", "", "4000", t0));
        tracker.apply(new CallOffered("4.0", "4.0", "support", "13800138000", "", t0));
        tracker.apply(new AgentRinging("4.0", "support", "PJSIP/1001", "Ann", true, t0, 0));
        tracker.apply(new CallEvents.CallLeftQueue("4.0", "support", t0.plusSeconds(20)));
        assertThat(sent(CallEvents.RING_CANCELLED, RingCancelled.class))
                .extracting(RingCancelled::reason)
                .containsExactly("left the queue");

        tracker.apply(new ChannelOpened("5.0", "5.0", "PJSIP/trunk-01", "13800138001", "", "4000", t0));
        tracker.apply(new AgentRinging("5.0", "support", "PJSIP/1001", "Ann", true, t0, 0));
        tracker.apply(new CallAnswered("5.0", "PJSIP/1001", true, t0.plusSeconds(3)));
        tracker.apply(new CallEvents.CallTransferred("5.0", "8000", t0.plusSeconds(30)));
        tracker.apply(new CallEnded("5.0", "5.0", 16, "Normal Clearing", t0.plusSeconds(40)));
        CallRecord end = sent(CallEvents.ENDED, CallChanged.class).getFirst().call();
        assertThat(end.outcome()).isEqualTo(CallRecord.CallOutcome.TRANSFERRED);
        assertThat(end.transferredTo()).isEqualTo("8000");
    }
}
