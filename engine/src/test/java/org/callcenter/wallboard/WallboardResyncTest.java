package org.callcenter.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Map;
import org.callcenter.metrics.WallboardMeters;
import org.callcenter.support.Await;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The periodic refresh re-reads return calls and SMS failures every {@code refresh_seconds}, but the
 * clocks (a scan of every request on the embedded store) only every {@code clocks_resync_seconds}: the
 * SLA events keep them current in between.
 */
class WallboardResyncTest {
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(
                TestRedis.tempDir("wallboard-resync"),
                Map.of("WALLBOARD_REFRESH_SECONDS", "1", "WALLBOARD_CLOCKS_RESYNC_SECONDS", "3600"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static double queries(String what) {
        Counter c = engine.engine()
                .registry()
                .find(WallboardMeters.STORE_QUERIES)
                .tag("query", what)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void clocksAreReadAtStartButNotAtEveryPeriodicRefresh() {
        Await.until("three refreshes of the return calls", Duration.ofSeconds(20), () -> queries("followups") >= 3);
        assertThat(queries("clocks")).isEqualTo(1); // the seed at start
        assertThat(queries("sms")).isGreaterThanOrEqualTo(3);
    }
}
