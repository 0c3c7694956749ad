package org.callcenter.quality;

import java.time.Instant;

/** Event-bus addresses and events of the quality domain (contract shared with the wallboard). */
public final class QualityEvents {
    public static final String COMPLAINT_REGISTERED = "callcenter.quality.complaint-registered";
    public static final String KEY_WARNING = "callcenter.quality.key-warning";

    private QualityEvents() {}

    /** {@code source}: call, ivr or sms. */
    public record ComplaintRegistered(
            String complaintId, String ticketId, String technicianId, String source, Instant at) {}

    /** {@code route}: technical (development) or service (training); {@code period} e.g. 2026-11. */
    public record KeyWarning(
            String product, String category, String route, String period, long count, long previous, Instant at) {}
}
