package org.callcenter.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.callcenter.calls.CallEvents.AgentAlerted;
import org.callcenter.calls.CallEvents.AgentRingStopped;
import org.callcenter.calls.CallEvents.AgentRinging;
import org.callcenter.calls.CallEvents.CallAbandoned;
import org.callcenter.calls.CallEvents.CallAnswered;
import org.callcenter.calls.CallEvents.CallChanged;
import org.callcenter.calls.CallEvents.CallEnded;
import org.callcenter.calls.CallEvents.CallLeftQueue;
import org.callcenter.calls.CallEvents.CallOffered;
import org.callcenter.calls.CallEvents.CallSignal;
import org.callcenter.calls.CallEvents.CallTransferred;
import org.callcenter.calls.CallEvents.CallerIdentified;
import org.callcenter.calls.CallEvents.ChannelOpened;
import org.callcenter.calls.CallEvents.LiveSnapshot;
import org.callcenter.calls.CallEvents.RingCancelled;
import org.callcenter.calls.CallRecord.CallOutcome;
import org.callcenter.calls.CallRecord.CallStatus;
import org.callcenter.common.EventPublisher;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows live calls from the edge's {@link CallSignal}s, on one Vert.x context (never concurrently).
 * Correlates channels by Linkedid, rings each agent once however many AMI events say so, tolerates
 * events out of order or missing, and after a resync closes the calls Asterisk no longer has.
 */
public final class CallTracker {
    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);

    private final Map<String, LiveCall> calls = new HashMap<>();
    private final Map<String, String> channelCall = new HashMap<>();
    private final EventPublisher events;
    private final CallLog callLog;
    private final Function<String, String> agentOf;
    private final PhoneNumbers phones;
    private final CallMeters meters;
    private final Clock clock;
    private String coreStartup;

    /** {@code agentOf}: normalized interface → agent username, or null. */
    public CallTracker(
            EventPublisher events,
            CallLog callLog,
            Function<String, String> agentOf,
            PhoneNumbers phones,
            CallMeters meters,
            Clock clock) {
        this.events = events;
        this.callLog = callLog;
        this.agentOf = agentOf;
        this.phones = phones;
        this.meters = meters;
        this.clock = clock;
        meters.liveCalls(calls::size);
    }

    public int live() {
        return calls.size();
    }

    /** The live calls as records; call on the tracker's context (see {@link CallsModule#withLiveCalls}). */
    public List<CallRecord> liveCalls() {
        return calls.values().stream().map(LiveCall::snapshot).toList();
    }

    public void apply(CallSignal signal) {
        try {
            switch (signal) {
                case ChannelOpened s -> opened(s);
                case CallerIdentified s -> identified(s);
                case CallOffered s -> offered(s);
                case AgentRinging s -> ringing(s);
                case AgentRingStopped s -> ringStopped(s);
                case CallAnswered s -> answered(s);
                case CallTransferred s -> transferred(s);
                case CallAbandoned s -> call(s.linkedId()).ifPresent(c -> c.abandoned = true);
                case CallLeftQueue s -> call(s.linkedId()).ifPresent(c -> leftQueue(c));
                case CallEnded s -> hangup(s);
                case LiveSnapshot s -> resync(s);
                case CallEvents.IvrFinished s -> ivrFinished(s);
            }
            meters.amiEvent("applied");
        } catch (RuntimeException e) {
            meters.amiError("apply");
            log.warn("could not apply {}: {}", signal.getClass().getSimpleName(), e.toString(), e);
        }
    }

    /** The most IVR steps a call keeps (the latest); a call looping through the IVR stays bounded. */
    static final int MAX_IVR_PATH = 200;

    /** Hotline then survey on one call: both paths, in order, the latest {@link #MAX_IVR_PATH} steps. */
    static List<String> joined(List<String> before, List<String> more) {
        int total = before.size() + more.size();
        if (total > MAX_IVR_PATH) {
            List<String> all = new ArrayList<>(MAX_IVR_PATH);
            int skip = total - MAX_IVR_PATH;
            if (skip < before.size()) all.addAll(before.subList(skip, before.size()));
            all.addAll(more.subList(Math.max(0, skip - before.size()), more.size()));
            return List.copyOf(all);
        }
        List<String> all = new ArrayList<>(before);
        all.addAll(more);
        return List.copyOf(all);
    }

    private java.util.Optional<LiveCall> call(String linkedId) {
        return java.util.Optional.ofNullable(linkedId).map(calls::get).map(this::touch);
    }

    private LiveCall touch(LiveCall c) {
        c.touchedNanos = System.nanoTime();
        return c;
    }

    private LiveCall callOrNew(String linkedId, Instant at) {
        return touch(calls.computeIfAbsent(linkedId, id -> new LiveCall(id, at)));
    }

    /**
     * IVR paths of calls the AMI side has not shown yet (the FastAGI session can end before the
     * channel's events arrive); bounded, applied when the call appears.
     */
    private final Map<String, List<String>> pendingIvr = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > 10_000;
        }
    };

    private void ivrFinished(CallEvents.IvrFinished s) {
        LiveCall c = calls.get(s.linkedId());
        if (c != null) c.ivrPath = joined(c.ivrPath, s.path());
        else pendingIvr.merge(s.linkedId(), List.copyOf(s.path()), CallTracker::joined);
    }

    private void opened(ChannelOpened s) {
        LiveCall c = callOrNew(s.linkedId(), s.at());
        List<String> ivr = pendingIvr.remove(s.linkedId());
        if (ivr != null) c.ivrPath = joined(c.ivrPath, ivr);
        c.channels.add(s.uniqueId());
        channelCall.put(s.uniqueId(), c.id);
        if (s.uniqueId().equals(s.linkedId())) {
            if (c.dialled == null) c.dialled = s.exten();
            c.caller(phones, s.callerNum(), s.callerName());
        }
    }

    private void identified(CallerIdentified s) {
        call(s.linkedId()).ifPresent(c -> {
            if (s.uniqueId().equals(s.linkedId()) || c.callerRaw == null)
                c.caller(phones, s.callerNum(), s.callerName());
        });
    }

    private void offered(CallOffered s) {
        LiveCall c = callOrNew(s.linkedId(), s.at());
        if (c.callerRaw == null) c.caller(phones, s.callerNum(), s.callerName());
        if (c.offeredAt != null && s.queue().equals(c.queue)) return;
        c.queue = s.queue();
        c.offeredAt = s.at();
        if (c.status == CallStatus.STARTED) c.status = CallStatus.QUEUED;
        meters.callOffered(s.queue());
        // not stored yet: a queued call becomes durable when answered or ended (after a crash the
        // resync adopts it), which keeps the store off the path of every arriving call
        events.publish(CallEvents.OFFERED, new CallChanged(c.snapshot()));
    }

    private void ringing(AgentRinging s) {
        String agent = agentOf.apply(s.agentInterface());
        if (!s.fromQueue() && agent == null) return; // a dial towards a trunk, a Local leg, ...: not an agent
        LiveCall c = callOrNew(s.linkedId(), s.at());
        if (c.answeredAt != null || c.ringing.containsKey(s.agentInterface())) {
            meters.amiEvent("duplicate");
            return;
        }
        if (c.offeredAt == null) c.offeredAt = s.at();
        if (c.queue == null) c.queue = s.queue();
        c.ringing.put(s.agentInterface(), agent);
        events.publish(
                CallEvents.AGENT_RINGING, new AgentAlerted(c.snapshot(), agent, s.agentInterface(), s.edgeNanos()));
    }

    private void ringStopped(AgentRingStopped s) {
        call(s.linkedId()).ifPresent(c -> {
            if (!c.ringing.containsKey(s.agentInterface())) return;
            String agent = c.ringing.remove(s.agentInterface());
            events.publish(CallEvents.RING_CANCELLED, new RingCancelled(c.id, agent, s.agentInterface(), s.reason()));
        });
    }

    private void answered(CallAnswered s) {
        LiveCall c = call(s.linkedId()).orElse(null);
        String agent = agentOf.apply(s.agentInterface());
        if (c == null || (!s.fromQueue() && agent == null && !c.ringing.containsKey(s.agentInterface()))) return;
        if (c.answeredAt != null) {
            meters.amiEvent("duplicate");
            return;
        }
        c.answeredAt = s.at();
        c.agentInterface = s.agentInterface();
        c.agent = agent;
        c.status = CallStatus.ACTIVE;
        c.ringing.remove(s.agentInterface());
        cancelRinging(c, "answered elsewhere");
        CallRecord record = c.snapshot();
        callLog.save(record);
        events.publish(CallEvents.ANSWERED, new CallChanged(record));
    }

    /** Out of the queue without an agent (timeout, exit key): its phones stop ringing; unanswered so far. */
    private void leftQueue(LiveCall c) {
        if (c.answeredAt != null) return;
        c.status = CallStatus.STARTED;
        cancelRinging(c, "left the queue");
    }

    private void transferred(CallTransferred s) {
        call(s.linkedId()).ifPresent(c -> {
            c.transferredTo = s.target();
            CallRecord record = c.snapshot();
            callLog.save(record);
            events.publish(CallEvents.TRANSFERRED, new CallChanged(record));
        });
    }

    private void hangup(CallEnded s) {
        String linkedId = channelCall.remove(s.uniqueId());
        if (linkedId == null) linkedId = s.linkedId();
        LiveCall c = linkedId == null ? null : calls.get(linkedId);
        if (c == null) {
            meters.amiEvent("orphan");
            return;
        }
        c.channels.remove(s.uniqueId());
        if (c.channels.isEmpty()) end(c, s.causeText() != null ? s.causeText() : "hangup", s.at());
    }

    private void cancelRinging(LiveCall c, String reason) {
        for (var e : c.ringing.entrySet())
            events.publish(CallEvents.RING_CANCELLED, new RingCancelled(c.id, e.getValue(), e.getKey(), reason));
        c.ringing.clear();
    }

    private void end(LiveCall c, String cause, Instant at) {
        calls.remove(c.id);
        for (String channel : c.channels) channelCall.remove(channel);
        cancelRinging(c, "caller hung up");
        CallOutcome outcome = c.outcome();
        CallRecord record = c.record(outcome, at, cause);
        meters.callEnded(
                outcome.name().toLowerCase(java.util.Locale.ROOT),
                record.waitSeconds() == null ? null : java.time.Duration.ofSeconds(record.waitSeconds()),
                record.talkSeconds() == null ? null : java.time.Duration.ofSeconds(record.talkSeconds()));
        if (outcome == CallOutcome.ABANDONED) callLog.abandoned(record);
        else callLog.save(record);
        events.publish(CallEvents.ENDED, new CallChanged(record));
    }

    /**
     * Reconciles with what Asterisk has now: calls it no longer has are closed (all of them when it
     * restarted), calls we did not know are adopted, answered ones marked so.
     */
    private void resync(LiveSnapshot s) {
        boolean restarted = coreStartup != null && s.coreStartup() != null && !coreStartup.equals(s.coreStartup());
        if (s.coreStartup() != null) coreStartup = s.coreStartup();
        meters.amiResync(restarted ? "restarted" : "consistent");
        Instant now = clock.instant();
        Set<String> live = new HashSet<>();
        Set<String> liveChannels = new HashSet<>();
        for (LiveSnapshot.Channel ch : s.channels()) {
            live.add(ch.linkedId());
            liveChannels.add(ch.uniqueId());
        }
        String cause = restarted ? "asterisk restarted" : "ended while AMI was disconnected";
        for (LiveCall c : new ArrayList<>(calls.values())) {
            if (c.touchedNanos - s.requestedNanos() > 0) continue; // changed after the snapshot was asked for
            if (restarted || !live.contains(c.id)) {
                end(c, cause, now);
            } else {
                for (var it = c.channels.iterator(); it.hasNext(); ) {
                    String channel = it.next();
                    if (liveChannels.contains(channel)) continue;
                    it.remove(); // hung up while we could not hear
                    channelCall.remove(channel);
                }
            }
        }
        Map<String, Boolean> adopted = new java.util.LinkedHashMap<>(); // call → answered by this resync
        for (LiveSnapshot.Channel ch : s.channels()) adopt(ch, now, adopted);
        adopted.forEach((id, answered) -> {
            CallRecord record = calls.get(id).snapshot();
            callLog.save(record);
            if (answered) events.publish(CallEvents.ANSWERED, new CallChanged(record));
            // a caller found waiting in a queue is offered now (only the wallboard listens to offers)
            else if (record.status() == CallStatus.QUEUED) events.publish(CallEvents.OFFERED, new CallChanged(record));
        });
        callLog.closeVanished(live, cause, now);
        if (!s.members().isEmpty()) events.publish(CallEvents.QUEUE_MEMBERS, new CallEvents.QueueMembers(s.members()));
        log.info(
                "AMI resync: {} live channels in {} calls{}",
                s.channels().size(),
                live.size(),
                restarted ? "; Asterisk had restarted" : "");
    }

    private void adopt(LiveSnapshot.Channel ch, Instant now, Map<String, Boolean> adopted) {
        boolean known = calls.containsKey(ch.linkedId());
        LiveCall c = callOrNew(ch.linkedId(), now.minusSeconds(ch.durationSeconds()));
        if (c.channels.add(ch.uniqueId())) channelCall.put(ch.uniqueId(), c.id);
        if (ch.uniqueId().equals(ch.linkedId())) {
            if (c.dialled == null) c.dialled = ch.exten();
            if (c.callerRaw == null) c.caller(phones, ch.callerNum(), ch.callerName());
        }
        if (!known) adopted.putIfAbsent(c.id, false);
        if ("Queue".equalsIgnoreCase(ch.application()) && c.queue == null && ch.applicationData() != null) {
            adopted.putIfAbsent(c.id, false);
            c.queue = ch.applicationData().split(",")[0];
            c.offeredAt = now.minusSeconds(ch.durationSeconds());
            if (c.status == CallStatus.STARTED) c.status = CallStatus.QUEUED;
        }
        String agent = agentOf.apply(Interfaces.ofChannel(ch.channel()));
        if (agent != null
                && c.answeredAt == null
                && ch.bridgeId() != null
                && !ch.bridgeId().isBlank()) {
            c.answeredAt = now.minusSeconds(ch.durationSeconds());
            c.agent = agent;
            c.agentInterface = Interfaces.ofChannel(ch.channel());
            c.status = CallStatus.ACTIVE;
            cancelRinging(c, "answered elsewhere");
            adopted.put(c.id, true);
        }
    }
}
