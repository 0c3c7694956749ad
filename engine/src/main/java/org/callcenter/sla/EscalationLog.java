package org.callcenter.sla;

import java.util.List;

/**
 * Breaches told to the supervisor, newest first, for the console (hot state, a Redis list in
 * production; the truth of a breach is its clock in MongoDB). Idempotent by escalation id.
 */
public interface EscalationLog {
    /** False if this escalation was recorded already. */
    boolean record(Escalation escalation);

    /** Records a batch of escalations (idempotent by id, like {@link #record}). */
    default void recordAll(List<Escalation> escalations) {
        escalations.forEach(this::record);
    }

    List<Escalation> recent(int limit);
}
