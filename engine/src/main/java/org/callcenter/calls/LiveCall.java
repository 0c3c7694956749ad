package org.callcenter.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callcenter.calls.CallRecord.CallOutcome;
import org.callcenter.calls.CallRecord.CallStatus;

/** The call tracker's mutable view of one live call; only the tracker's context touches it. */
final class LiveCall {
    final String id;
    final Set<String> channels = new LinkedHashSet<>();
    /** Ringing agent interfaces → agent username (null when the interface is no agent's). */
    final Map<String, String> ringing = new LinkedHashMap<>();

    String callerNumber;
    String callerRaw;
    String callerName;
    String dialled;
    String queue;
    String agent;
    String agentInterface;
    List<String> ivrPath = List.of();
    CallStatus status = CallStatus.STARTED;
    Instant startedAt;
    Instant offeredAt;
    Instant answeredAt;
    String transferredTo;
    boolean abandoned;
    String ticketNumber;
    long touchedNanos;

    LiveCall(String id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    /** Sets the caller from an event's caller ID ({@code <unknown>} and blanks ignored). */
    void caller(org.callcenter.phone.PhoneNumbers phones, String number, String name) {
        if (number != null && !number.isBlank() && !number.startsWith("<")) {
            callerRaw = number;
            try {
                callerNumber = phones.normalize(number);
            } catch (IllegalArgumentException e) {
                callerNumber = null; // kept raw: withheld, internal or garbled
            }
        }
        if (name != null && !name.isBlank() && !name.startsWith("<")) callerName = name;
    }

    CallRecord snapshot() {
        return record(null, null, null);
    }

    CallOutcome outcome() {
        if (transferredTo != null) return CallOutcome.TRANSFERRED;
        if (answeredAt != null) return CallOutcome.ANSWERED;
        if (offeredAt != null || abandoned) return CallOutcome.ABANDONED;
        return CallOutcome.IVR;
    }

    CallRecord record(CallOutcome outcome, Instant endedAt, String endCause) {
        Long wait = null;
        Long talk = null;
        if (offeredAt != null) {
            Instant waitEnd = answeredAt != null ? answeredAt : endedAt;
            if (waitEnd != null) wait = seconds(offeredAt, waitEnd);
        }
        if (answeredAt != null && endedAt != null) talk = seconds(answeredAt, endedAt);
        return new CallRecord(
                id,
                callerNumber,
                callerRaw,
                callerName,
                dialled,
                queue,
                agent,
                agentInterface,
                ivrPath,
                endedAt != null ? CallStatus.ENDED : status,
                outcome,
                startedAt,
                offeredAt,
                answeredAt,
                endedAt,
                wait,
                talk,
                transferredTo,
                endCause,
                ticketNumber);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds()); // whole seconds, as Asterisk counts
    }
}
