package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.callcenter.Engine;
import org.callcenter.config.AppConfig;
import org.callcenter.config.ConfigException;
import org.callcenter.config.ConfigLoader;
import org.callcenter.customers.Region;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sla config section: SERVICE-RULES §3 defaults, overrides, and bad input failing the start. */
class SlaConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheServiceRules() {
        var sla = ConfigLoader.load(Optional.empty(), Map.of()).sla();
        assertThat(sla.calendar()).isEqualTo("china-2026");
        assertThat(sla.clocks().get(ClockName.FEEDBACK).budget()).isEqualTo(Duration.ofHours(1));
        assertThat(sla.clocks().get(ClockName.FEEDBACK).counting()).isEqualTo(Counting.WORKING_HOURS);
        assertThat(sla.clocks().get(ClockName.RESOLVE).budget()).isEqualTo(Duration.ofHours(8));
        assertThat(sla.clocks().get(ClockName.SOLUTION).counting()).isEqualTo(Counting.WORKING_DAYS);
        assertThat(sla.clocks().get(ClockName.SOLUTION).budget()).isEqualTo(Duration.ofDays(3));
        assertThat(sla.clocks().get(ClockName.COMPLAINT_ON_SCENE).counting()).isEqualTo(Counting.WALL_CLOCK);
        assertThat(sla.clocks().get(ClockName.COMPLAINT_ANSWER).warnPercent()).isEqualTo(80);
        assertThat(sla.onsiteByRegion())
                .containsEntry(Region.CAPITAL, Duration.ofHours(2))
                .containsEntry(Region.NEIGHBOURING, Duration.ofHours(12))
                .containsEntry(Region.OTHER, Duration.ofHours(48));
    }

    @Test
    void budgetsCountingAndWarningAreConfigPerClock() {
        var sla = ConfigLoader.load(
                        Optional.empty(),
                        Map.of(
                                "SLA_RESOLVE_BUDGET",
                                "6h",
                                "SLA_FEEDBACK_WARN_PERCENT",
                                "50",
                                "SLA_CALENDAR",
                                "germany-2026"))
                .sla();
        assertThat(sla.clocks().get(ClockName.RESOLVE).budget()).isEqualTo(Duration.ofHours(6));
        assertThat(sla.clocks().get(ClockName.FEEDBACK).warnPercent()).isEqualTo(50);
        assertThat(CalendarLoader.load("sla.calendar", sla.calendar()).zone().getId())
                .isEqualTo("Europe/Berlin");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SLA_RESOLVE_BUDGET", "1d")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sla.resolve.budget");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SLA_SOLUTION_BUDGET", "20h")))
                .hasMessageContaining("sla.solution.budget");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SLA_FEEDBACK_COUNTS", "moon_phases")))
                .hasMessageContaining("sla.feedback.counts");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SLA_FEEDBACK_WARN_PERCENT", "100")))
                .hasMessageContaining("sla.feedback.warn_percent");
    }

    @Test
    void anInconsistentCalendarFailsTheEngineStartNamingTheKey() throws IOException {
        Path file = dir.resolve("overlap.yaml");
        Files.writeString(file, "name: x\nzone: Asia/Shanghai\nhours:\n  monday: ['09:00-12:00', '11:30-18:00']\n");
        AppConfig config = TestEngine.config(TestRedis.tempDir("sla-cfg"), Map.of("SLA_CALENDAR", file.toString()));
        assertThatThrownBy(() -> Engine.start(config, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sla.calendar")
                .hasMessageContaining("hours.monday")
                .hasMessageContaining("overlaps");
        Path both = dir.resolve("both.yaml");
        Files.writeString(
                both,
                "name: x\nzone: Asia/Shanghai\nhours: {monday: ['09:00-18:00']}\n"
                        + "holidays: ['2026-10-10']\nmakeup_days: ['2026-10-10']\n");
        AppConfig config2 = TestEngine.config(TestRedis.tempDir("sla-cfg"), Map.of("SLA_CALENDAR", both.toString()));
        assertThatThrownBy(() -> Engine.start(config2, Clock.systemUTC())).hasMessageContaining("makeup_days");
    }
}
