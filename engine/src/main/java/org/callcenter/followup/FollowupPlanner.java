package org.callcenter.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callcenter.sla.BusinessCalendar;

/**
 * Plans return calls, idempotently and deduplicated: per customer at most one open follow-up, which
 * collects every due reason not yet covered. A follow-up is stored as {@code customerId:quarter}; one
 * still open from last quarter takes this quarter's reasons too (one call, not two). Planning the same
 * day twice changes nothing, because every reason's key is remembered in {@code covered}.
 */
public final class FollowupPlanner {
    private final FollowupRepository repository;
    private final FollowupRules rules;
    private final BusinessCalendar calendar;
    private final CallingCalendars calling;
    private final Clock clock;

    public FollowupPlanner(FollowupRepository repository, FollowupRules rules, BusinessCalendar calendar, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.calendar = calendar;
        this.calling = new CallingCalendars(calendar);
        this.clock = clock;
    }

    /** Plans every customer; returns how many follow-ups were created or given new reasons. */
    public int planAll() {
        Instant now = clock.instant();
        int[] changed = {0};
        repository.forEachCustomer(facts -> {
            if (plan(facts, now).isPresent()) changed[0]++;
        });
        return changed[0];
    }

    /** Plans one customer now (after a visit or a delivery); empty when unknown or nothing new. */
    public Optional<FollowUp> planCustomer(String customerId) {
        return repository.factsOf(customerId).flatMap(facts -> plan(facts, clock.instant()));
    }

    /** The follow-up that got new reasons, or empty when the customer had nothing new. */
    public Optional<FollowUp> plan(CustomerFacts facts, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        String quarter = FollowupRules.quarter(today);
        String previous =
                FollowupRules.quarter(FollowupRules.quarterStart(today).minusDays(1));
        Optional<FollowUp> current = repository.find(id(facts.customerId(), quarter));
        Optional<FollowUp> last = repository.find(id(facts.customerId(), previous));
        Set<String> covered = new LinkedHashSet<>();
        current.ifPresent(f -> covered.addAll(f.covered()));
        last.ifPresent(f -> covered.addAll(f.covered()));
        List<DueReason> fresh = rules.dueOn(facts, now).stream()
                .filter(r -> !covered.contains(r.key()))
                .toList();
        if (fresh.isEmpty()) return Optional.empty();
        FollowUp target = last.filter(f -> f.status() == FollowupStatus.OPEN)
                .or(() -> current)
                .orElseGet(() -> empty(facts.customerId(), quarter));
        FollowUp merged = merge(target, fresh, now, calling.of(facts.zone()));
        repository.save(merged);
        return Optional.of(merged);
    }

    private FollowUp merge(FollowUp f, List<DueReason> fresh, Instant now, BusinessCalendar local) {
        boolean reopen = f.status() != FollowupStatus.OPEN;
        List<DueReason> pending = new ArrayList<>(reopen ? List.of() : f.pending());
        pending.addAll(fresh);
        List<String> covered = new ArrayList<>(f.covered());
        fresh.forEach(r -> covered.add(r.key()));
        Instant dueBy = pending.stream()
                .map(DueReason::dueBy)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        int priority = pending.stream().mapToInt(DueReason::priority).max().orElse(0);
        Instant callAt = reopen || f.callAt() == null ? local.nextOpening(now) : f.callAt();
        return new FollowUp(
                f.id(),
                f.customerId(),
                f.quarter(),
                FollowupStatus.OPEN,
                pending,
                covered,
                dueBy,
                priority,
                rules.questionsFor(pending),
                callAt,
                reopen ? null : f.owner(),
                reopen ? null : f.ownedUntil(),
                f.attempts(),
                f.answers());
    }

    private FollowUp empty(String customerId, String quarter) {
        return new FollowUp(
                id(customerId, quarter),
                customerId,
                quarter,
                FollowupStatus.DONE,
                List.of(),
                List.of(),
                null,
                0,
                List.of(),
                null,
                null,
                null,
                List.of(),
                new HashMap<>());
    }

    public static String id(String customerId, String quarter) {
        return customerId + ":" + quarter;
    }
}
