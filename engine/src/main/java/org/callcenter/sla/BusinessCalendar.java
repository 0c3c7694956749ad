package org.callcenter.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The business calendar (SERVICE-RULES §3): a time zone, opening hours per weekday, public holidays
 * and make-up working days (normally off but worked, with the opening hours of {@code makeupHoursFrom}).
 * Immutable; all arithmetic is in real time (instants), so a day with a daylight-saving change counts
 * the hours that really elapse.
 */
public final class BusinessCalendar {
    /** How far ahead the arithmetic looks for opening time before it gives up (a calendar with no hours). */
    private static final int HORIZON_DAYS = 366 * 5;

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> weekly;
    private final SortedSet<LocalDate> holidays;
    private final SortedSet<LocalDate> makeupDays;
    private final DayOfWeek makeupHoursFrom;

    public BusinessCalendar(
            String name,
            ZoneId zone,
            Map<DayOfWeek, List<OpeningHours>> weekly,
            SortedSet<LocalDate> holidays,
            SortedSet<LocalDate> makeupDays,
            DayOfWeek makeupHoursFrom) {
        this.name = name;
        this.zone = zone;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) this.weekly.put(d, List.copyOf(weekly.getOrDefault(d, List.of())));
        this.holidays = new TreeSet<>(holidays);
        this.makeupDays = new TreeSet<>(makeupDays);
        this.makeupHoursFrom = makeupHoursFrom;
        if (this.weekly.get(makeupHoursFrom).isEmpty() && !makeupDays.isEmpty())
            throw new IllegalArgumentException(
                    "make-up days take the hours of " + makeupHoursFrom + ", which has none");
        if (this.weekly.values().stream().allMatch(List::isEmpty))
            throw new IllegalArgumentException("no opening hours on any weekday");
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same hours, holidays and make-up days read as local times of another zone (a customer's). */
    public BusinessCalendar inZone(ZoneId other) {
        if (other.equals(zone)) return this;
        return new BusinessCalendar(name + "@" + other, other, weekly, holidays, makeupDays, makeupHoursFrom);
    }

    public Map<DayOfWeek, List<OpeningHours>> weekly() {
        return weekly;
    }

    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    public SortedSet<LocalDate> makeupDays() {
        return makeupDays;
    }

    public DayOfWeek makeupHoursFrom() {
        return makeupHoursFrom;
    }

    /** The opening intervals of a date: none on a holiday, a normal weekday's on a make-up day. */
    public List<OpeningHours> hoursOn(LocalDate date) {
        if (makeupDays.contains(date)) return weekly.get(makeupHoursFrom);
        if (holidays.contains(date)) return List.of();
        return weekly.get(date.getDayOfWeek());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !hoursOn(date).isEmpty();
    }

    /** The earliest instant at or after {@code t} that is inside opening hours. */
    public Instant nextOpening(Instant t) {
        for (Segment s : segmentsFrom(t)) return s.from();
        throw noHours(t);
    }

    /**
     * N working hours after {@code start}: the earliest instant at which {@code amount} of opening time
     * has elapsed. A start outside opening hours begins at the next opening; due exactly at closing
     * time is that closing time.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("negative amount " + amount);
        Duration left = amount;
        for (Segment s : segmentsFrom(start)) {
            Duration length = Duration.between(s.from(), s.to());
            if (left.compareTo(length) <= 0) return s.from().plus(left);
            left = left.minus(length);
        }
        throw noHours(start);
    }

    /**
     * N working days after {@code start}: the same time of day N working days later (after moving a
     * start outside opening hours to the next opening); if that time of day is outside that day's
     * opening hours, that day's closing time.
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) throw new IllegalArgumentException("negative days " + days);
        ZonedDateTime from = nextOpening(start).atZone(zone);
        LocalDate date = from.toLocalDate();
        for (int n = 0, guard = 0; n < days; guard++) {
            if (guard > HORIZON_DAYS) throw noHours(start);
            date = date.plusDays(1);
            if (isWorkingDay(date)) n++;
        }
        LocalTime time = from.toLocalTime();
        List<OpeningHours> hours = hoursOn(date);
        for (OpeningHours h : hours)
            if (h.contains(time)) return ZonedDateTime.of(date, time, zone).toInstant();
        return end(date, hours.get(hours.size() - 1));
    }

    /** The end of an interval as an instant; "24:00" (LocalTime.MAX) is the next midnight. */
    private Instant end(LocalDate date, OpeningHours h) {
        return h.end().equals(LocalTime.MAX)
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(date, h.end(), zone).toInstant();
    }

    /** Opening time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) return total;
        for (Segment s : segmentsFrom(from)) {
            if (!s.from().isBefore(to)) break;
            Instant end = s.to().isBefore(to) ? s.to() : to;
            total = total.plus(Duration.between(s.from(), end));
        }
        return total;
    }

    /** A stretch of opening time in real time. */
    record Segment(Instant from, Instant to) {}

    /** The opening segments from {@code t} on (the first one clipped to start at {@code t}), lazily. */
    Iterable<Segment> segmentsFrom(Instant t) {
        return () -> new java.util.Iterator<>() {
            LocalDate date = t.atZone(zone).toLocalDate().minusDays(1);
            final List<Segment> pending = new ArrayList<>();
            int scanned;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && scanned++ <= HORIZON_DAYS) {
                    date = date.plusDays(1);
                    for (OpeningHours h : hoursOn(date)) {
                        Instant from = ZonedDateTime.of(date, h.start(), zone).toInstant();
                        Instant to = end(date, h);
                        if (!to.isAfter(t)) continue;
                        pending.add(new Segment(from.isBefore(t) ? t : from, to));
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public Segment next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return pending.remove(0);
            }
        };
    }

    public Optional<String> describeDay(LocalDate date) {
        if (makeupDays.contains(date)) return Optional.of("make-up working day");
        if (holidays.contains(date)) return Optional.of("public holiday");
        return Optional.empty();
    }

    private IllegalStateException noHours(Instant t) {
        return new IllegalStateException(
                "calendar " + name + " has no opening hours within " + HORIZON_DAYS + " days of " + t);
    }
}
