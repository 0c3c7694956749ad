package org.callcenter.quality;

import java.time.Instant;

/**
 * A complaint against a technician and/or a service request. {@code verification} starts
 * {@code PENDING}; a supervisor verifies or rejects it; only verified complaints count on the ladder.
 * {@code answeredAt} / {@code onSceneAt} stop the complaint_answer (1 h) and complaint_on_scene (24 h)
 * clocks of the request.
 */
public record Complaint(
        String id,
        String ticketId,
        String technicianId,
        Source source,
        String text,
        String registeredBy,
        Instant registeredAt,
        Verification verification,
        String verifiedBy,
        Instant verifiedAt,
        String verificationNote,
        Instant answeredAt,
        String answeredBy,
        Instant onSceneAt) {

    /** Where the complaint came in. */
    public enum Source {
        CALL,
        IVR,
        SMS
    }

    public enum Verification {
        PENDING,
        VERIFIED,
        REJECTED
    }

    Complaint verified(boolean ok, String by, Instant at, String note) {
        return new Complaint(
                id,
                ticketId,
                technicianId,
                source,
                text,
                registeredBy,
                registeredAt,
                ok ? Verification.VERIFIED : Verification.REJECTED,
                by,
                at,
                note,
                answeredAt,
                answeredBy,
                onSceneAt);
    }

    Complaint answered(String by, Instant at) {
        return new Complaint(
                id,
                ticketId,
                technicianId,
                source,
                text,
                registeredBy,
                registeredAt,
                verification,
                verifiedBy,
                verifiedAt,
                verificationNote,
                at,
                by,
                onSceneAt);
    }

    Complaint onScene(Instant at) {
        return new Complaint(
                id,
                ticketId,
                technicianId,
                source,
                text,
                registeredBy,
                registeredAt,
                verification,
                verifiedBy,
                verifiedAt,
                verificationNote,
                answeredAt,
                answeredBy,
                at);
    }
}
