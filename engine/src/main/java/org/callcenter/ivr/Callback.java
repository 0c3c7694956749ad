package org.callcenter.ivr;

import java.time.Instant;

/**
 * A promised call back, stored in {@code callbacks} (shared with the AMI branch's abandoned-call
 * call-backs): open until an agent makes the call. {@code source} is ivr or survey.
 */
public record Callback(
        String id,
        String phone,
        String reason,
        String source,
        Instant requestedAt,
        Instant dueBy,
        String status,
        String ticket,
        String uniqueId) {}
