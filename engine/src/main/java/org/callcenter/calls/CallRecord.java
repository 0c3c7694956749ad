package org.callcenter.calls;

import java.time.Instant;
import java.util.List;

/**
 * One call as stored in MongoDB ({@code calls}, id = Asterisk Linkedid). {@code callerNumber} is E.164
 * when the caller ID could be read, else null ({@code callerRaw} keeps what Asterisk sent). Times are
 * Asterisk's event times. {@code ivrPath} is filled by the IVR.
 */
public record CallRecord(
        String id,
        String callerNumber,
        String callerRaw,
        String callerName,
        String dialled,
        String queue,
        String agent,
        String agentInterface,
        List<String> ivrPath,
        CallStatus status,
        CallOutcome outcome,
        Instant startedAt,
        Instant offeredAt,
        Instant answeredAt,
        Instant endedAt,
        Long waitSeconds,
        Long talkSeconds,
        String transferredTo,
        String endCause,
        String ticketNumber) {

    public enum CallStatus {
        /** Not (yet) in a queue: IVR or dialling. */
        STARTED,
        QUEUED,
        ACTIVE,
        ENDED
    }

    public enum CallOutcome {
        ANSWERED,
        ABANDONED,
        TRANSFERRED,
        /** Ended without ever being offered to an agent (self-service in the IVR). */
        IVR
    }

    public CallRecord withTicket(String number) {
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
                status,
                outcome,
                startedAt,
                offeredAt,
                answeredAt,
                endedAt,
                waitSeconds,
                talkSeconds,
                transferredTo,
                endCause,
                number);
    }
}
