package org.callcenter.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketStatus;

/**
 * Derives the lifecycle clocks (feedback, resolve, solution) and pauses from the request as it is
 * now, including the instants from its history. Deriving from the stored request rather than from the
 * order events arrive in makes the result the same whichever engine sees which event, in any order,
 * any number of times.
 */
final class LifecycleRules {
    /** One change to apply to a clock (absent = null); empty result = nothing to do. */
    record Op(ClockName clock, Function<SlaClock, Optional<SlaClock>> apply) {}

    private final ClockPlanner planner;
    private final ClockStarter starter;

    /** Starts a configured clock by name at an instant. */
    interface ClockStarter {
        SlaClock start(ClockName name, Instant at);
    }

    LifecycleRules(ClockPlanner planner, ClockStarter starter) {
        this.planner = planner;
        this.starter = starter;
    }

    List<Op> reconcile(Ticket t, Map<ClockName, SlaClock> clocks) {
        List<Op> ops = new ArrayList<>();
        Instant done = t.resolvedAt() != null ? t.resolvedAt() : t.closedAt();
        boolean finished = t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED;

        // feedback: from registration until the first feedback (resolving or closing also answers)
        if (!clocks.containsKey(ClockName.FEEDBACK))
            ops.add(new Op(
                    ClockName.FEEDBACK,
                    c -> c == null ? Optional.of(starter.start(ClockName.FEEDBACK, t.openedAt())) : Optional.empty()));
        Instant feedback = t.feedbackAt() != null ? t.feedbackAt() : finished ? done : null;
        if (feedback != null)
            ops.add(new Op(ClockName.FEEDBACK, c -> c == null ? Optional.empty() : planner.stop(c, feedback)));

        // resolve (general) or solution (complex); a severity change re-plans
        Instant complexAt = lastChange(t, "severity", "complex");
        Instant generalAt = lastChange(t, "severity", "general");
        if (t.severity() == Severity.COMPLEX) {
            Instant at = complexAt != null ? complexAt : t.openedAt();
            ops.add(new Op(ClockName.RESOLVE, c -> c == null ? Optional.empty() : planner.cancel(c, at)));
            ops.add(new Op(
                    ClockName.SOLUTION,
                    c -> c == null
                                    || (c.state() == ClockState.CANCELLED
                                            && c.stoppedAt().isBefore(at))
                            ? Optional.of(starter.start(ClockName.SOLUTION, at))
                            : Optional.empty()));
        } else {
            Instant at = generalAt != null ? generalAt : t.openedAt();
            SlaClock solution = clocks.get(ClockName.SOLUTION);
            ops.add(new Op(ClockName.SOLUTION, c -> c == null ? Optional.empty() : planner.cancel(c, at)));
            ops.add(new Op(ClockName.RESOLVE, c -> {
                if (c == null) return Optional.of(starter.start(ClockName.RESOLVE, t.openedAt()));
                // back to general after a complex spell: the 8-hour promise counts from registration again
                if (c.state() == ClockState.CANCELLED
                        && solution != null
                        && generalAt != null
                        && c.stoppedAt().isBefore(generalAt))
                    return Optional.of(starter.start(ClockName.RESOLVE, t.openedAt()));
                return Optional.empty();
            }));
        }
        if (finished && done != null)
            for (ClockName n : List.of(ClockName.RESOLVE, ClockName.SOLUTION))
                ops.add(new Op(n, c -> c == null ? Optional.empty() : planner.stop(c, done)));

        // transferred: not ours any more; waiting on the customer: every clock pauses
        if (t.status() == TicketStatus.TRANSFERRED) {
            Instant at = orElse(lastChange(t, "status", "transferred"), t.updatedAt());
            for (ClockName n : ClockName.values())
                ops.add(new Op(n, c -> c == null ? Optional.empty() : planner.cancel(c, at)));
        } else if (t.status() == TicketStatus.WAITING_ON_CUSTOMER) {
            Instant at = orElse(lastChange(t, "status", "waiting_on_customer"), t.updatedAt());
            for (ClockName n : ClockName.values())
                ops.add(new Op(n, c -> c == null ? Optional.empty() : planner.pause(c, at)));
        } else {
            Instant at = lastChangeFrom(t, "status", "waiting_on_customer");
            if (at != null)
                for (ClockName n : ClockName.values())
                    ops.add(new Op(
                            n,
                            c -> c == null
                                            || c.pausedAt() == null
                                            || c.pausedAt().isAfter(at)
                                    ? Optional.empty()
                                    : planner.resume(c, at)));
        }
        return ops;
    }

    /** When the field last changed to {@code to}; null if never. */
    static Instant lastChange(Ticket t, String field, String to) {
        for (int i = t.history().size() - 1; i >= 0; i--) {
            TicketEvent e = t.history().get(i);
            for (TicketEvent.Change c : e.changes()) if (c.field().equals(field) && to.equals(c.to())) return e.at();
        }
        return null;
    }

    /** When the field last changed away from {@code from}; null if never. */
    static Instant lastChangeFrom(Ticket t, String field, String from) {
        for (int i = t.history().size() - 1; i >= 0; i--) {
            TicketEvent e = t.history().get(i);
            for (TicketEvent.Change c : e.changes())
                if (c.field().equals(field) && from.equals(c.from())) return e.at();
        }
        return null;
    }

    private static Instant orElse(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
