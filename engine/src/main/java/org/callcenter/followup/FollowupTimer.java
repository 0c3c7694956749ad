package org.callcenter.followup;

import java.time.Instant;

/**
 * One durable follow-up timer on the product's timer engine: DIAL at the follow-up's {@code callAt}
 * (first due, retry, "call me later at"), RELEASE at {@code ownedUntil} (the owner's hold ends and it
 * goes to anyone). A timer whose instant no longer matches the follow-up in MongoDB is stale and dropped.
 */
public record FollowupTimer(String followupId, Kind kind, Instant due) {
    public enum Kind {
        DIAL,
        RELEASE
    }

    public String member() {
        return followupId + "|" + due.toEpochMilli();
    }

    public static FollowupTimer parse(Kind kind, String member) {
        int bar = member.lastIndexOf('|');
        return new FollowupTimer(
                member.substring(0, bar), kind, Instant.ofEpochMilli(Long.parseLong(member.substring(bar + 1))));
    }

    /** The timers a stored follow-up needs: none once it is no longer open. */
    public static java.util.List<FollowupTimer> of(FollowUp f) {
        if (f.status() != FollowupStatus.OPEN) return java.util.List.of();
        java.util.List<FollowupTimer> out = new java.util.ArrayList<>(2);
        if (f.callAt() != null) out.add(new FollowupTimer(f.id(), Kind.DIAL, f.callAt()));
        if (f.owner() != null && f.ownedUntil() != null)
            out.add(new FollowupTimer(f.id(), Kind.RELEASE, f.ownedUntil()));
        return out;
    }
}
