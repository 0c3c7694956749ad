package org.callcenter.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.ConflictException;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.config.FollowupConfig;
import org.callcenter.sla.BusinessCalendar;

/**
 * Ownership and outcomes (SERVICE-RULES §5). A follow-up belongs to one agent until
 * {@code ownedUntil}, then to anyone again (VICIdial's USERONLY → ANYONE). Unanswered and busy calls
 * are retried after working time until the attempts are used up; "call later" moves the next call
 * into calling hours; an invalid number keeps the follow-up (NEEDS_NUMBER), never drops it. Plain
 * blocking code: callers run it through {@code store.Blocking}. Writes are serialised per instance.
 */
public final class FollowupService {
    /** Mine and shared, each ordered by due time, then higher priority first. */
    public record Lists(List<FollowUp> mine, List<FollowUp> shared) {}

    static final Comparator<FollowUp> ORDER = Comparator.comparing(FollowUp::dueBy)
            .thenComparing(Comparator.comparingInt(FollowUp::priority).reversed())
            .thenComparing(FollowUp::id);

    private final FollowupRepository repository;
    private final FollowupConfig config;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public FollowupService(
            FollowupRepository repository, FollowupConfig config, BusinessCalendar calendar, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Follow-ups callable now (their callAt has come), split into the agent's own and the shared ones. */
    public Lists list(String agent) {
        Instant now = clock.instant();
        List<FollowUp> mine = new ArrayList<>();
        List<FollowUp> shared = new ArrayList<>();
        for (FollowUp f : repository.open()) {
            if (f.callAt() != null && f.callAt().isAfter(now)) continue;
            if (ownedBy(f, now) == null) shared.add(f);
            else if (ownedBy(f, now).equals(agent)) mine.add(f);
        }
        mine.sort(ORDER);
        shared.sort(ORDER);
        return new Lists(mine, shared);
    }

    /** True when calls may be made now: a working day, inside opening hours. */
    public boolean callingHoursNow() {
        Instant now = clock.instant();
        return calendar.nextOpening(now).equals(now);
    }

    public synchronized FollowUp claim(String id, String agent) {
        Instant now = clock.instant();
        FollowUp f = get(id);
        if (f.status() != FollowupStatus.OPEN) throw new ConflictException("follow-up " + id + " is " + f.status(), f);
        String owner = ownedBy(f, now);
        if (owner != null && !owner.equals(agent))
            throw new ConflictException("follow-up " + id + " is owned by " + owner, f);
        FollowUp claimed =
                with(f, f.status(), f.callAt(), agent, now.plus(config.releaseAfter()), f.attempts(), f.answers());
        repository.save(claimed);
        return claimed;
    }

    /**
     * Records one attempt. {@code later}: for CALL_LATER, when the customer asked to be called.
     * {@code answers}: the answers to the questions (REACHED), merged into what is stored.
     */
    public synchronized FollowUp record(
            String id, String agent, Outcome outcome, Instant later, Map<String, String> answers, String note) {
        Instant now = clock.instant();
        FollowUp f = get(id);
        if (f.status() != FollowupStatus.OPEN) throw new ConflictException("follow-up " + id + " is " + f.status(), f);
        String owner = ownedBy(f, now);
        if (owner != null && !owner.equals(agent))
            throw new ConflictException("follow-up " + id + " is owned by " + owner, f);
        if (outcome == Outcome.CALL_LATER && later == null)
            throw InvalidInputException.of("later", "call later needs the time the customer asked for");
        List<FollowUp.Attempt> attempts = new ArrayList<>(f.attempts());
        attempts.add(new FollowUp.Attempt(now, agent, outcome, note));
        Map<String, String> stored = new HashMap<>(f.answers());
        if (answers != null) stored.putAll(answers);
        FollowUp tried = with(f, f.status(), f.callAt(), f.owner(), f.ownedUntil(), attempts, stored);
        FollowUp next = switch (outcome) {
            case REACHED -> done(tried, FollowupStatus.DONE);
            case DIAL_FAILED ->
                with(tried, FollowupStatus.OPEN, f.callAt(), f.owner(), f.ownedUntil(), attempts, stored);
            case INVALID_NUMBER -> with(tried, FollowupStatus.NEEDS_NUMBER, f.callAt(), null, null, attempts, stored);
            case CALL_LATER ->
                with(
                        tried,
                        FollowupStatus.OPEN,
                        calendar.nextOpening(later),
                        f.owner(),
                        f.ownedUntil(),
                        attempts,
                        stored);
            case NO_ANSWER, BUSY ->
                tried.failedAttempts() >= config.maxAttempts()
                        ? with(tried, FollowupStatus.UNREACHABLE, f.callAt(), null, null, attempts, stored)
                        : with(
                                tried,
                                FollowupStatus.OPEN,
                                calendar.addWorkingTime(now, config.retryAfter()),
                                f.owner(),
                                f.ownedUntil(),
                                attempts,
                                stored);
        };
        repository.save(next);
        if (outcome == Outcome.REACHED) {
            List<String> callbacks = f.pending().stream()
                    .filter(r -> r.reason() == Reason.CALLBACK)
                    .map(DueReason::ref)
                    .toList();
            if (!callbacks.isEmpty()) repository.closeCallbacks(callbacks, "followup:" + id);
        }
        return next;
    }

    /** An agent logged out: their follow-ups go to anyone at once (none is left waiting on them). */
    public synchronized int releaseOwnedBy(String agent) {
        int released = 0;
        for (FollowUp f : repository.open()) {
            if (!agent.equals(f.owner())) continue;
            repository.save(with(f, f.status(), f.callAt(), null, null, f.attempts(), f.answers()));
            released++;
        }
        return released;
    }

    public FollowUp get(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("no follow-up " + id));
    }

    private static String ownedBy(FollowUp f, Instant now) {
        if (f.owner() == null || f.ownedUntil() == null || !f.ownedUntil().isAfter(now)) return null;
        return f.owner();
    }

    private static FollowUp done(FollowUp f, FollowupStatus status) {
        return new FollowUp(
                f.id(),
                f.customerId(),
                f.quarter(),
                status,
                List.of(),
                f.covered(),
                f.dueBy(),
                f.priority(),
                f.questions(),
                f.callAt(),
                f.owner(),
                f.ownedUntil(),
                f.attempts(),
                f.answers());
    }

    private static FollowUp with(
            FollowUp f,
            FollowupStatus status,
            Instant callAt,
            String owner,
            Instant ownedUntil,
            List<FollowUp.Attempt> attempts,
            Map<String, String> answers) {
        return new FollowUp(
                f.id(),
                f.customerId(),
                f.quarter(),
                status,
                f.pending(),
                f.covered(),
                f.dueBy(),
                f.priority(),
                f.questions(),
                callAt,
                owner,
                ownedUntil,
                attempts,
                answers);
    }
}
