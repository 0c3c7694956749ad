package org.callcenter.calls;

import java.time.Instant;
import java.util.List;

/**
 * The call domain's event-bus addresses and records. {@link CallSignal}s are what the telephony edge
 * translates AMI events into (immutable, correlated by Asterisk's Linkedid / Uniqueid); the
 * published events below carry the call record after the change.
 */
public final class CallEvents {
    /** A call joined a queue. Body: {@link CallChanged}. */
    public static final String OFFERED = "callcenter.calls.offered";
    /** An agent's phone started ringing. Body: {@link AgentAlerted}. */
    public static final String AGENT_RINGING = "callcenter.calls.agent_ringing";
    /** An agent's phone stopped ringing without the agent taking the call. Body: {@link RingCancelled}. */
    public static final String RING_CANCELLED = "callcenter.calls.ring_cancelled";
    /** Body: {@link CallChanged}. */
    public static final String ANSWERED = "callcenter.calls.answered";
    /** Body: {@link CallChanged}. */
    public static final String TRANSFERRED = "callcenter.calls.transferred";
    /** Body: {@link CallChanged}. */
    public static final String ENDED = "callcenter.calls.ended";
    /** Queue members as Asterisk reported them at a resync. Body: {@link QueueMembers}. */
    public static final String QUEUE_MEMBERS = "callcenter.calls.queue_members";

    private CallEvents() {}

    // ---- published ----

    public record CallChanged(CallRecord call) {}

    /** {@code agent} is the username behind {@code agentInterface}, or null when no agent has it. */
    public record AgentAlerted(CallRecord call, String agent, String agentInterface, long edgeNanos) {}

    public record RingCancelled(String callId, String agent, String agentInterface, String reason) {}

    public record QueueMembers(List<LiveSnapshot.Member> members) {}

    // ---- from the telephony edge ----

    /** Everything the edge hands to the call tracker. */
    public sealed interface CallSignal
            permits ChannelOpened,
                    CallerIdentified,
                    CallOffered,
                    AgentRinging,
                    AgentRingStopped,
                    CallAnswered,
                    CallTransferred,
                    CallAbandoned,
                    CallLeftQueue,
                    CallEnded,
                    LiveSnapshot,
                    IvrFinished {}

    /** Newchannel. */
    public record ChannelOpened(
            String linkedId,
            String uniqueId,
            String channel,
            String callerNum,
            String callerName,
            String exten,
            Instant at)
            implements CallSignal {}

    /** NewCallerid. */
    public record CallerIdentified(String linkedId, String uniqueId, String callerNum, String callerName, Instant at)
            implements CallSignal {}

    /** QueueCallerJoin. */
    public record CallOffered(
            String linkedId, String uniqueId, String queue, String callerNum, String callerName, Instant at)
            implements CallSignal {}

    /**
     * AgentCalled ({@code fromQueue}) or DialBegin towards an interface (which may or may not be an
     * agent's). {@code agentInterface} is normalized (see {@link Interfaces}).
     */
    public record AgentRinging(
            String linkedId,
            String queue,
            String agentInterface,
            String memberName,
            boolean fromQueue,
            Instant at,
            long edgeNanos)
            implements CallSignal {}

    /** AgentRingNoAnswer, or DialEnd with a status other than ANSWER. */
    public record AgentRingStopped(String linkedId, String agentInterface, String reason, Instant at)
            implements CallSignal {}

    /** AgentConnect ({@code fromQueue}), or DialEnd ANSWER towards an interface. */
    public record CallAnswered(String linkedId, String agentInterface, boolean fromQueue, Instant at)
            implements CallSignal {}

    /** BlindTransfer / AttendedTransfer. */
    public record CallTransferred(String linkedId, String target, Instant at) implements CallSignal {}

    /** QueueCallerLeave: out of the queue, answered or not (the tracker knows which). */
    public record CallLeftQueue(String linkedId, String queue, Instant at) implements CallSignal {}

    /** QueueCallerAbandon. */
    public record CallAbandoned(String linkedId, String queue, Instant at) implements CallSignal {}

    /** The caller left the IVR: the nodes and keys of that session (from the FastAGI side). */
    public record IvrFinished(String linkedId, java.util.List<String> path, Instant at) implements CallSignal {}

    /**
     * Hangup of one channel; the call ends when its last channel is gone. {@code linkedId} may be
     * null (then the channel's call is found by {@code uniqueId}).
     */
    public record CallEnded(String linkedId, String uniqueId, Integer cause, String causeText, Instant at)
            implements CallSignal {}

    /** What Asterisk reported right after a (re)connect: CoreStatus, CoreShowChannels, QueueStatus. */
    public record LiveSnapshot(String coreStartup, List<Channel> channels, List<Member> members, long requestedNanos)
            implements CallSignal {
        public record Channel(
                String linkedId,
                String uniqueId,
                String channel,
                String callerNum,
                String callerName,
                String exten,
                String application,
                String applicationData,
                String bridgeId,
                long durationSeconds) {}

        public record Member(
                String queue, String name, String agentInterface, int status, boolean inCall, boolean paused) {}
    }
}
