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
import org.callcenter.sla.ClockLock;

/**
 * Ownership and outcomes (SERVICE-RULES §5). A follow-up belongs to one agent until
 * {@code ownedUntil}, then to anyone again (VICIdial's USERONLY → ANYONE). Unanswered and busy calls
 * are retried after working time until the attempts are used up; "call later" moves the next call
 * into calling hours; an invalid number keeps the follow-up (NEEDS_NUMBER), never drops it. Plain
 * blocking code: callers run it through {@code store.Blocking}. Writes are serialised per instance
 * (synchronized) and per follow-up across instances (a short Redis lock in production).
 */
public final class FollowupService {
    /**
     * Mine and shared, each ordered by due time, then higher priority first; and those kept for a
     * human because the customer has no valid number.
     */
    public record Lists(List<FollowUp> mine, List<FollowUp> shared, List<FollowUp> needsNumber) {}

    static final Comparator<FollowUp> ORDER = Comparator.comparing(FollowUp::dueBy)
            .thenComparing(Comparator.comparingInt(FollowUp::priority).reversed())
            .thenComparing(FollowUp::id);

    private final FollowupRepository repository;
    private final FollowupConfig config;
    private final CallingCalendars calling;
    private final Clock clock;
    private final ClockLock lock;

    /** One engine instance only: its methods are synchronized, that is all the serialising needed. */
    private static final ClockLock IN_PROCESS = new ClockLock() {
        @Override
        public <T> T locked(String key, java.util.function.Supplier<T> body) {
            return body.get();
        }
    };

    public FollowupService(
            FollowupRepository repository, FollowupConfig config, BusinessCalendar calendar, Clock clock) {
        this(repository, config, calendar, clock, IN_PROCESS);
    }

    /** {@code lock}: serialises writes of one follow-up across engine instances (Redis in production). */
    public FollowupService(
            FollowupRepository repository,
            FollowupConfig config,
            BusinessCalendar calendar,
            Clock clock,
            ClockLock lock) {
        this.lock = lock;
        this.repository = repository;
        this.config = config;
        this.calling = new CallingCalendars(calendar);
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
        List<FollowUp> needsNumber = new ArrayList<>(repository.needingNumber());
        needsNumber.sort(ORDER);
        return new Lists(mine, shared, needsNumber);
    }

    /** True when this customer may be called now: a working day, inside calling hours, in their zone. */
    public boolean callingHoursNow(FollowUp f) {
        return calling.open(repository.zoneOf(f.customerId()), clock.instant());
    }

    /** The calendar's calling hours in this customer's time zone. */
    public BusinessCalendar calendarOf(String customerId) {
        return calling.of(repository.zoneOf(customerId));
    }

    private FollowUp claimLocked(String id, String agent) {
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

    private FollowUp recordLocked(
            String id, String agent, Outcome outcome, Instant later, Map<String, String> answers, String note) {
        Instant now = clock.instant();
        FollowUp f = get(id);
        if (f.status() != FollowupStatus.OPEN) throw new ConflictException("follow-up " + id + " is " + f.status(), f);
        String owner = ownedBy(f, now);
        if (owner != null && !owner.equals(agent))
            throw new ConflictException("follow-up " + id + " is owned by " + owner, f);
        if (outcome == Outcome.CALL_LATER && later == null)
            throw InvalidInputException.of("later", "call later needs the time the customer asked for");
        BusinessCalendar calendar = calendarOf(f.customerId());
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
            case NO_ANSWER, BUSY, HUNG_UP ->
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

    private boolean releaseExpiredLocked(String id, Instant due) {
        Instant now = clock.instant();
        FollowUp f = repository.find(id).orElse(null);
        if (f == null || f.status() != FollowupStatus.OPEN || f.owner() == null) return false;
        if (!due.equals(f.ownedUntil()) || f.ownedUntil().isAfter(now)) return false;
        repository.save(with(f, f.status(), f.callAt(), null, null, f.attempts(), f.answers()));
        return true;
    }

    private boolean rescheduleLocked(String id, Instant expected, Instant callAt) {
        FollowUp f = repository.find(id).orElse(null);
        if (f == null || f.status() != FollowupStatus.OPEN || !expected.equals(f.callAt())) return false;
        repository.save(with(f, f.status(), callAt, f.owner(), f.ownedUntil(), f.attempts(), f.answers()));
        return true;
    }

    /**
     * Progressive dialling takes a follow-up still planned at {@code expected} for {@code agent}: owned
     * by them, and its next call held back to {@code holdUntil} (it comes back then if no outcome is
     * recorded, so a crash mid-dial loses nothing and a repeated timer finds it stale). Empty if it is
     * stale or another agent owns it.
     */
    private java.util.Optional<FollowUp> takeForDialLocked(
            String id, Instant expected, String agent, Instant holdUntil) {
        Instant now = clock.instant();
        FollowUp f = repository.find(id).orElse(null);
        if (f == null || f.status() != FollowupStatus.OPEN || !expected.equals(f.callAt()))
            return java.util.Optional.empty();
        String owner = ownedBy(f, now);
        if (owner != null && !owner.equals(agent)) return java.util.Optional.empty();
        FollowUp taken =
                with(f, f.status(), holdUntil, agent, now.plus(config.releaseAfter()), f.attempts(), f.answers());
        repository.save(taken);
        return java.util.Optional.of(taken);
    }

    /** The agent who owns the follow-up now, or null (anyone). */
    public static String currentOwner(FollowUp f, Instant now) {
        return ownedBy(f, now);
    }

    public synchronized FollowUp claim(String id, String agent) {
        return lock.locked(id, () -> claimLocked(id, agent));
    }

    /**
     * Records one attempt. {@code later}: for CALL_LATER, when the customer asked to be called.
     * {@code answers}: the answers to the questions (REACHED), merged into what is stored.
     */
    public synchronized FollowUp record(
            String id, String agent, Outcome outcome, Instant later, Map<String, String> answers, String note) {
        return lock.locked(id, () -> recordLocked(id, agent, outcome, later, answers, note));
    }

    /** The RELEASE timer fired: the owner's hold ended, the follow-up goes to anyone. False if stale. */
    public synchronized boolean releaseExpired(String id, Instant due) {
        return lock.locked(id, () -> releaseExpiredLocked(id, due));
    }

    /** Moves the next call of an open follow-up still planned at {@code expected}; false if stale. */
    public synchronized boolean reschedule(String id, Instant expected, Instant callAt) {
        return lock.locked(id, () -> rescheduleLocked(id, expected, callAt));
    }

    /** See {@link #takeForDialLocked}: under the follow-up's lock. */
    public synchronized java.util.Optional<FollowUp> takeForDial(
            String id, Instant expected, String agent, Instant holdUntil) {
        return lock.locked(id, () -> takeForDialLocked(id, expected, agent, holdUntil));
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
