package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.callcenter.sla.TimerIndex;
import org.callcenter.store.RedisTimerIndex;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly report on the 1st through the durable Redis timer index: a missed month is produced at
 * once, the running month's report falls due at 00:00 on the 1st, a claimer that dies holds it only
 * for its lease, and the handled timer schedules the next month.
 */
class MonthlyScheduleTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T23:00:00Z"));
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(
                TestRedis.tempDir("mongo"),
                Map.of("TIME_ZONE", "UTC", "QUALITY_POLL_SECONDS", "3600", "AUTH_TOKEN_TTL_HOURS", "100000"),
                clock);
        engine.engine()
                .mongo()
                .database()
                .getCollection("tickets")
                .insertOne(new Document("_id", "80000001")
                        .append("createdBy", "alice")
                        .append("category", "leak")
                        .append("product", "pump")
                        .append("channel", "phone")
                        .append("openedAt", Date.from(Instant.parse("2026-11-10T08:00:00Z"))));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void producedOnTheFirstOnceAndDurably() {
        TimerIndex index = new RedisTimerIndex(engine.engine().redis(), "quality:test-timers:" + System.nanoTime());
        ReportService reports = engine.engine().quality().reports();
        Duration lease = Duration.ofMinutes(30);
        ReportSchedule schedule = new ReportSchedule(index, reports, ZoneOffset.UTC, clock, lease);
        schedule.ensure();
        assertThat(index.size())
                .as("November's timer and October's (not produced yet)")
                .isEqualTo(2);
        assertThat(schedule.pollOnce()).as("October, missed, at once").isEqualTo(1);
        assertThat(reports.stored(YearMonth.of(2026, 10))).isTrue();
        assertThat(schedule.pollOnce()).isZero();
        assertThat(reports.stored(YearMonth.of(2026, 11))).isFalse();

        // 00:00:01 on 1 December: another instance claims November's timer and dies
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        assertThat(index.claim(clock.instant(), clock.instant().plus(lease), 12))
                .hasSize(1);
        assertThat(schedule.pollOnce()).as("leased by the dead instance").isZero();
        clock.advance(lease.plusMinutes(1));
        assertThat(schedule.pollOnce()).isEqualTo(1);
        assertThat(reports.stored(YearMonth.of(2026, 11))).isTrue();
        var stored = engine.get("/api/v1/reports/monthly/2026-11").json();
        assertThat(stored.getBoolean("complete")).isTrue();
        assertThat(stored.getJsonObject("totals").getInteger("requests")).isEqualTo(1);
        assertThat(index.size()).as("December's timer only").isEqualTo(1);

        // a restarted engine re-indexes nothing new; the December timer fires on 1 January
        new ReportSchedule(index, reports, ZoneOffset.UTC, clock, lease).ensure();
        assertThat(index.size()).isEqualTo(1);
        assertThat(schedule.pollOnce()).isZero();
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(schedule.pollOnce()).isEqualTo(1);
        assertThat(reports.stored(YearMonth.of(2026, 12))).isTrue();
    }
}
