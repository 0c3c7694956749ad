package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.callcenter.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Working-hours and working-days arithmetic (SERVICE-RULES §3) on the shipped calendars. */
class BusinessCalendarTest {
    static final BusinessCalendar CHINA = CalendarLoader.load("sla.calendar", "china-2026");
    static final BusinessCalendar GERMANY = CalendarLoader.load("sla.calendar", "germany-2026");

    static Instant cn(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static Instant de(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    @Test
    void workingHoursSkipTheNightAndTheWeekend() {
        // Friday 17:30 + 1 h: half an hour on Friday, half an hour on Monday
        assertThat(CHINA.addWorkingTime(cn("2026-03-06T17:30"), hours(1))).isEqualTo(cn("2026-03-09T09:30"));
        // a pause spanning the night is not counted: Monday 17:00 → Tuesday 10:00 is 2 working hours
        assertThat(CHINA.workingTimeBetween(cn("2026-03-09T17:00"), cn("2026-03-10T10:00")))
                .isEqualTo(hours(2));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(CHINA.addWorkingTime(cn("2026-03-09T11:30"), hours(1))).isEqualTo(cn("2026-03-09T13:30"));
        assertThat(CHINA.workingTimeBetween(cn("2026-03-09T11:00"), cn("2026-03-09T14:00")))
                .isEqualTo(hours(2));
    }

    @Test
    void dueExactlyAtClosingIsClosingTimeNotTheNextOpening() {
        assertThat(CHINA.addWorkingTime(cn("2026-03-09T17:00"), hours(1))).isEqualTo(cn("2026-03-09T18:00"));
        assertThat(CHINA.addWorkingTime(cn("2026-03-09T09:00"), hours(8))).isEqualTo(cn("2026-03-09T18:00"));
    }

    @Test
    void aRequestOpenedOutsideWorkingHoursStartsAtTheNextOpening() {
        assertThat(CHINA.addWorkingTime(cn("2026-03-07T10:00"), hours(1))).isEqualTo(cn("2026-03-09T10:00"));
        assertThat(CHINA.addWorkingTime(cn("2026-03-09T06:10"), hours(1))).isEqualTo(cn("2026-03-09T10:00"));
        assertThat(CHINA.addWorkingTime(cn("2026-03-09T12:20"), hours(1))).isEqualTo(cn("2026-03-09T14:00"));
        assertThat(CHINA.nextOpening(cn("2026-03-06T19:00"))).isEqualTo(cn("2026-03-09T09:00"));
    }

    @Test
    void publicHolidaysAreSkipped() {
        // Wednesday 30 Sep 17:00 + 8 h: 1 h that day, National Day 1-7 Oct off, 7 h on Thursday 8 Oct
        assertThat(CHINA.addWorkingTime(cn("2026-09-30T17:00"), hours(8))).isEqualTo(cn("2026-10-08T17:00"));
        assertThat(CHINA.isWorkingDay(java.time.LocalDate.parse("2026-10-05"))).isFalse();
    }

    @Test
    void makeUpDaysAreWorkedWithAWeekdaysHours() {
        // Saturday 14 Feb 2026 is worked (Spring Festival make-up day)
        assertThat(CHINA.addWorkingTime(cn("2026-02-13T17:30"), hours(1))).isEqualTo(cn("2026-02-14T09:30"));
        // Saturday 3 Jan is a holiday, Sunday 4 Jan a make-up day: 8 h fill Sunday to its closing
        assertThat(CHINA.addWorkingTime(cn("2026-01-03T10:00"), hours(8))).isEqualTo(cn("2026-01-04T18:00"));
        assertThat(CHINA.describeDay(java.time.LocalDate.parse("2026-01-04"))).contains("make-up working day");
    }

    @Test
    void workingDaysKeepTheTimeOfDayAndCountMakeUpDays() {
        // 3 working days after Wed 30 Sep 10:00: Thu 8 Oct, Fri 9 Oct, Sat 10 Oct (make-up day)
        assertThat(CHINA.addWorkingDays(cn("2026-09-30T10:00"), 3)).isEqualTo(cn("2026-10-10T10:00"));
        // started on a Sunday evening: begins Monday 09:00, due Thursday 09:00
        assertThat(CHINA.addWorkingDays(cn("2026-03-08T20:00"), 3)).isEqualTo(cn("2026-03-12T09:00"));
        // started in the lunch break: begins 13:00
        assertThat(CHINA.addWorkingDays(cn("2026-03-09T12:30"), 1)).isEqualTo(cn("2026-03-10T13:00"));
    }

    @Test
    void workingDaysLandingOutsideTheLaterDaysHoursAreDueAtItsClosing() {
        BusinessCalendar halfSaturday =
                calendar("{name: t, zone: Asia/Shanghai, hours: {friday: ['09:00-18:00'], saturday: ['09:00-12:00']}}");
        assertThat(halfSaturday.addWorkingDays(cn("2026-03-06T15:00"), 1)).isEqualTo(cn("2026-03-07T12:00"));
    }

    @Test
    void daylightSavingChangesCountRealTime() {
        // Thursday 26 Mar 16:00 + 10 h: 1 h Thu, 8 h Fri, 1 h Monday 30 Mar (now CEST, UTC+2)
        assertThat(GERMANY.addWorkingTime(de("2026-03-26T16:00"), hours(10))).isEqualTo(de("2026-03-30T09:00"));
        assertThat(de("2026-03-30T09:00")).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        // open all day on Sunday 29 March: that day has 23 real hours
        BusinessCalendar allSunday = calendar("{name: t, zone: Europe/Berlin, hours: {sunday: ['00:00-24:00']}}");
        assertThat(allSunday.workingTimeBetween(de("2026-03-28T12:00"), de("2026-03-30T12:00")))
                .isEqualTo(Duration.ofHours(23));
        // the autumn change: 25 October has 25 hours
        assertThat(allSunday.addWorkingTime(de("2026-10-25T00:00"), Duration.ofHours(25)))
                .isEqualTo(de("2026-10-26T00:00"));
    }

    @Test
    void inconsistentCalendarsFailNamingTheKey() {
        assertThatThrownBy(() -> calendar("{name: t, zone: Mars/Olympus, hours: {monday: ['09:00-18:00']}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sla.calendar")
                .hasMessageContaining("zone")
                .hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> calendar("{name: t, zone: UTC, hours: {monday: ['09:00-12:00', '11:00-13:00']}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hours.monday")
                .hasMessageContaining("overlaps");
        assertThatThrownBy(
                        () -> calendar(
                                "{name: t, zone: UTC, hours: {monday: ['09:00-18:00']}, holidays: ['2026-01-04'], makeup_days: ['2026-01-04']}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("makeup_days")
                .hasMessageContaining("2026-01-04 is also listed in holidays");
        assertThatThrownBy(() -> calendar("{name: t, zone: UTC, hours: {monday: ['09:00-18:00']}, holiday: []}"))
                .hasMessageContaining("unknown key 'holiday'");
        assertThatThrownBy(() -> calendar("{name: t, zone: UTC, hours: {funday: ['09:00-18:00']}}"))
                .hasMessageContaining("hours.funday");
        assertThatThrownBy(() -> CalendarLoader.load("sla.calendar", "atlantis-2026"))
                .hasMessageContaining("sla.calendar (atlantis-2026)");
    }

    static BusinessCalendar calendar(String yaml) {
        return CalendarLoader.parse("sla.calendar (test)", (Map<?, ?>) new Yaml().load(yaml));
    }
}
