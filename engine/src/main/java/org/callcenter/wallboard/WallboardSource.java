package org.callcenter.wallboard;

import java.time.Instant;
import java.util.List;
import org.callcenter.agents.Agent;
import org.callcenter.sla.ClockName;

/**
 * What the wallboard reads from the stores: once at start, then on the periodic refresh (never per
 * viewer). Blocking; implemented in store/.
 */
public interface WallboardSource {
    /** Every agent with their presence. */
    List<Agent> agents();

    /** Open clocks that have warned, and clocks that breached at or after {@code breachedSince}. */
    List<ClockRow> clocks(Instant breachedSince);

    /** Follow-ups callable before {@code dayEnd} (still open) or reached in [{@code dayStart}, {@code dayEnd}). */
    List<FollowupRow> followups(Instant dayStart, Instant dayEnd);

    /** Outbound SMS that ended failed or undelivered at or after {@code since}, newest first. */
    List<SmsFailureRow> smsFailures(Instant since, int limit);

    /** The key warnings raised for {@code period} (e.g. 2026-11), oldest first. */
    List<KeyWarningRow> keyWarnings(String period);

    /** {@code breached}: true when the clock breached, false when it is at risk (warned, still open). */
    record ClockRow(
            String ticket, ClockName clock, Instant due, Instant warnedAt, Instant breachedAt, boolean breached) {}

    /** {@code done}: reached (status done). */
    record FollowupRow(String id, String customerId, boolean done) {}

    /** A recurring problem's key warning, as the quality domain stored and published it. */
    record KeyWarningRow(
            String product, String category, String route, String period, long count, long previous, Instant at) {}

    /** {@code to} is masked. */
    record SmsFailureRow(String messageId, String template, String to, Integer errorCode, String status, Instant at) {}
}
