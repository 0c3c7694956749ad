package org.callcenter.sla;

import java.time.Instant;

/**
 * A breach told to the supervisor: shown on the console, and sent by SMS to the on-duty supervisor
 * by the SMS domain (it listens to {@link SlaEvents#ESCALATED}). {@code id} makes it idempotent.
 */
public record Escalation(String id, String ticket, ClockName clock, Instant due, Instant at, String reason) {}
