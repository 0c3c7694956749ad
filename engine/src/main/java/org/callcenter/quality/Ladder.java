package org.callcenter.quality;

import java.time.Instant;
import java.util.List;
import org.callcenter.common.ConflictException;

/**
 * A technician's ladder over the rolling window ending at {@code asOf}: the verified complaints in it
 * (unverified ones never count), the step they call for ({@code due}), the last step decided in the
 * window ({@code current}) and the decisions. A step can only be decided in order and once it is due.
 */
public record Ladder(
        String technicianId,
        Instant windowStart,
        Instant asOf,
        int verifiedComplaints,
        LadderStep due,
        LadderStep current,
        LadderStep next,
        List<String> complaintIds,
        List<LadderDecision> decisions) {

    static Ladder of(
            String technicianId,
            Instant windowStart,
            Instant asOf,
            List<Complaint> complaints,
            List<LadderDecision> decisions) {
        List<Complaint> counted = complaints.stream()
                .filter(c -> c.verification() == Complaint.Verification.VERIFIED)
                .filter(c -> !c.registeredAt().isBefore(windowStart)
                        && !c.registeredAt().isAfter(asOf))
                .toList();
        List<LadderDecision> inWindow = decisions.stream()
                .filter(d ->
                        !d.decidedAt().isBefore(windowStart) && !d.decidedAt().isAfter(asOf))
                .toList();
        LadderStep due = LadderStep.ofLevel(counted.size());
        LadderStep current =
                inWindow.stream().map(LadderDecision::step).max(Enum::compareTo).orElse(null);
        int nextLevel = current == null ? 1 : current.level() + 1;
        LadderStep next = due != null && nextLevel <= due.level() ? LadderStep.ofLevel(nextLevel) : null;
        return new Ladder(
                technicianId,
                windowStart,
                asOf,
                counted.size(),
                due,
                current,
                next,
                counted.stream().map(Complaint::id).toList(),
                inWindow);
    }

    /** Refuses a step out of order (skipped, repeated) or not yet called for by verified complaints: 409. */
    void check(LadderStep wanted) {
        int expected = current == null ? 1 : current.level() + 1;
        if (current == LadderStep.DISMISSAL_RECOMMENDED)
            throw new ConflictException("the ladder of " + technicianId + " is at its last step already", this);
        if (wanted.level() < expected)
            throw new ConflictException(
                    wanted.key() + " was already decided for " + technicianId + " in the last window", this);
        if (wanted.level() > expected)
            throw new ConflictException(
                    "cannot skip a ladder step: the next step for " + technicianId + " is "
                            + LadderStep.ofLevel(expected).key(),
                    this);
        if (due == null || wanted.level() > due.level())
            throw new ConflictException(
                    wanted.key() + " is not due: " + technicianId + " has " + verifiedComplaints
                            + " verified complaint(s) in the window",
                    this);
    }
}
