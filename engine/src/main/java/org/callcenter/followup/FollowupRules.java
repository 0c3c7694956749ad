package org.callcenter.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.callcenter.config.FollowupConfig;
import org.callcenter.sla.BusinessCalendar;

/**
 * The §5 rules as a pure function: which reasons is this customer due a call for on this day. Days and
 * quarters are counted in the business calendar's zone.
 */
public final class FollowupRules {
    /** Days past its due time a visit or delivery is still planned (a late call beats none). */
    static final int LATE_DAYS = 30;

    private final FollowupConfig config;
    private final BusinessCalendar calendar;

    public FollowupRules(FollowupConfig config, BusinessCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    public static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    public static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    public List<DueReason> dueOn(CustomerFacts facts, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        List<DueReason> due = new ArrayList<>();
        firstInstallation(facts, today, due);
        FollowupConfig.Rule q = config.quarterly();
        due.add(new DueReason(
                "quarterly:" + quarter(today),
                Reason.QUARTERLY,
                quarter(today),
                startOf(quarterStart(today).plusMonths(3)),
                q.priority()));
        FollowupConfig.Rule cb = config.callback();
        for (CustomerFacts.OpenCallback c : facts.callbacks()) {
            if (c.requestedAt().isAfter(now)) continue;
            Instant dueBy = calendar.addWorkingDays(c.requestedAt(), cb.windowDays());
            due.add(new DueReason("callback:" + c.callbackId(), Reason.CALLBACK, c.callbackId(), dueBy, cb.priority()));
        }
        afterVisits(facts, now, due);
        afterDeliveries(facts, now, due);
        return due;
    }

    /**
     * A return call within N working days of each visit's departure. A visit is offered to planning
     * until {@link #LATE_DAYS} past its due time (well inside the two quarters planning looks back on).
     */
    private void afterVisits(CustomerFacts facts, Instant now, List<DueReason> due) {
        FollowupConfig.Rule rule = config.afterVisit();
        for (CustomerFacts.Departed v : facts.visits()) {
            if (v.departedAt() == null || v.departedAt().isAfter(now)) continue;
            Instant dueBy = calendar.addWorkingDays(v.departedAt(), rule.windowDays());
            if (now.isAfter(dueBy.plus(java.time.Duration.ofDays(LATE_DAYS)))) continue;
            due.add(new DueReason("visit:" + v.visitId(), Reason.AFTER_VISIT, v.visitId(), dueBy, rule.priority()));
        }
    }

    /** A follow-up within the window (calendar days) of each delivery. */
    private void afterDeliveries(CustomerFacts facts, Instant now, List<DueReason> due) {
        FollowupConfig.Rule rule = config.afterDelivery();
        for (CustomerFacts.Delivered d : facts.deliveries()) {
            if (d.deliveredAt() == null || d.deliveredAt().isAfter(now)) continue;
            Instant dueBy = d.deliveredAt().plus(java.time.Duration.ofDays(rule.windowDays()));
            if (now.isAfter(dueBy.plus(java.time.Duration.ofDays(LATE_DAYS)))) continue;
            due.add(new DueReason(
                    "delivery:" + d.deliveryId(), Reason.AFTER_DELIVERY, d.deliveryId(), dueBy, rule.priority()));
        }
    }

    /** Only the customer's first installation counts, and only within its window. */
    private void firstInstallation(CustomerFacts facts, LocalDate today, List<DueReason> due) {
        FollowupConfig.Rule rule = config.firstInstallation();
        facts.installations().stream()
                .filter(i -> i.installedOn() != null)
                .min(Comparator.comparing(CustomerFacts.InstalledOn::installedOn))
                .filter(first -> !first.installedOn().isAfter(today))
                .filter(first -> !today.isAfter(first.installedOn().plusDays(rule.windowDays())))
                .ifPresent(first -> due.add(new DueReason(
                        "installation:" + first.installationId(),
                        Reason.FIRST_INSTALLATION,
                        first.installationId(),
                        startOf(first.installedOn().plusDays(rule.windowDays() + 1L)),
                        rule.priority())));
    }

    /** The questions of every reason, each once, in rule order. */
    public List<String> questionsFor(List<DueReason> reasons) {
        List<String> out = new ArrayList<>();
        for (Reason r : Reason.values()) {
            if (reasons.stream().noneMatch(d -> d.reason() == r)) continue;
            for (String q : rule(r).questions()) if (!out.contains(q)) out.add(q);
        }
        return out;
    }

    FollowupConfig.Rule rule(Reason r) {
        return switch (r) {
            case FIRST_INSTALLATION -> config.firstInstallation();
            case QUARTERLY -> config.quarterly();
            case CALLBACK -> config.callback();
            case AFTER_VISIT -> config.afterVisit();
            case AFTER_DELIVERY -> config.afterDelivery();
        };
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }
}
