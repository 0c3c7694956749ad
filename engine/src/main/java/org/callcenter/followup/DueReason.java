package org.callcenter.followup;

import java.time.Instant;

/**
 * One reason a customer is due a call. {@code key} identifies it for good (e.g. {@code quarterly:2026-Q1},
 * {@code installation:<id>}, {@code callback:<id>}), so planning it twice changes nothing.
 */
public record DueReason(String key, Reason reason, String ref, Instant dueBy, int priority) {}
