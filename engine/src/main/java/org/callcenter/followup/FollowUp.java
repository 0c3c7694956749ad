package org.callcenter.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One return call to one customer covering every reason due (never one call per reason). The id is
 * {@code customerId:quarter} of the quarter it was opened in. {@code covered}: the keys of every
 * reason ever planned into it (so re-planning is idempotent); {@code pending}: the reasons this call
 * still has to cover. {@code owner} null = anyone; an owner keeps it until {@code ownedUntil}.
 * {@code callAt}: not before this instant (inside calling hours; moved by retries and "call later").
 */
public record FollowUp(
        String id,
        String customerId,
        String quarter,
        FollowupStatus status,
        List<DueReason> pending,
        List<String> covered,
        Instant dueBy,
        int priority,
        List<String> questions,
        Instant callAt,
        String owner,
        Instant ownedUntil,
        List<Attempt> attempts,
        Map<String, String> answers) {

    public record Attempt(Instant at, String agent, Outcome outcome, String note) {}

    public int failedAttempts() {
        return (int) attempts.stream()
                .filter(a -> a.outcome() == Outcome.NO_ANSWER
                        || a.outcome() == Outcome.BUSY
                        || a.outcome() == Outcome.HUNG_UP)
                .count();
    }
}
