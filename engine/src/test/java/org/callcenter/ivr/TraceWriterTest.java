package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callcenter.common.Timers;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.metrics.IvrTraceMeters;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoIvrRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batched trace writes: one insertMany per period, nothing lost on overflow, a duplicate, or close. */
class TraceWriterTest {
    @TempDir
    Path dir;

    private final Instant t0 = Instant.parse("2026-11-24T02:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IvrMeters meters = new IvrMeters(registry);
    private final List<Runnable> periodic = new ArrayList<>();
    private final Timers manual = new Timers() {
        public long once(Duration delay, Runnable task) {
            throw new UnsupportedOperationException();
        }

        public long every(Duration period, Runnable task) {
            periodic.add(task);
            return periodic.size();
        }

        public void cancel(long id) {
            periodic.set((int) id - 1, () -> {});
        }
    };
    private MongoStore mongo;
    private MongoIvrRepository repository;
    private Vertx vertx;
    private Blocking blocking;

    @BeforeEach
    void setUp() {
        mongo = MongoStore.open(new MongoConfig("", "tracetest", dir.toString()));
        repository = new MongoIvrRepository(mongo);
        vertx = Vertx.vertx();
        blocking = new Blocking(vertx);
    }

    @AfterEach
    void tearDown() {
        blocking.close();
        vertx.close().await();
        mongo.close();
    }

    private IvrTrace trace(String id, String script) {
        return new IvrTrace(
                id,
                id,
                "1",
                "SIP/x-" + id,
                script,
                "+8613800138000",
                null,
                t0,
                t0.plusSeconds(9),
                List.of(new IvrTrace.Step("menu", "menu", t0.plusSeconds(2), "2", "2")),
                "2",
                "completed",
                null,
                null);
    }

    @Test
    void aBatchIsWrittenOnTheNextPeriodAndCounted() {
        TraceWriter writer = new TraceWriter(repository, blocking, meters);
        writer.start(manual, Duration.ofMillis(100));
        for (int i = 0; i < 50; i++) writer.add(trace("call-" + i, "hotline"));
        assertThat(repository.findTrace("call-0")).isEmpty();
        assertThat(registry.get(IvrTraceMeters.QUEUED).gauge().value()).isEqualTo(50.0);

        periodic.getFirst().run();

        Await.until(
                "50 traces written and counted",
                Duration.ofSeconds(10),
                () -> repository.findTrace("call-49").isPresent()
                        && registry.get(IvrTraceMeters.WRITTEN).counter().count() == 50.0);
        assertThat(repository.findTrace("call-0").orElseThrow().path()).hasSize(1);
        assertThat(registry.get(IvrTraceMeters.WRITTEN).counter().count()).isEqualTo(50.0);
        assertThat(registry.get(IvrTraceMeters.BATCH).summary().count()).isEqualTo(1);
        assertThat(registry.get(IvrTraceMeters.QUEUED).gauge().value()).isZero();
    }

    @Test
    void aLaterScriptOnTheSameChannelInOneBatchKeepsBothSessions() {
        repository.saveTraces(
                List.of(trace("a", "hotline"), trace("b", "hotline"), trace("a", "survey"), trace("c", "hotline")));

        assertThat(repository.findTrace("a").orElseThrow().script()).isEqualTo("hotline");
        assertThat(repository.findTrace("a:survey").orElseThrow().script()).isEqualTo("survey");
        assertThat(repository.findTrace("a:survey").orElseThrow().uniqueId()).isEqualTo("a");
        assertThat(repository.findTrace("b")).isPresent();
        assertThat(repository.findTrace("c")).isPresent();
    }

    @Test
    void aFullQueueWritesTheTraceAloneAndCloseWritesWhatIsQueued() {
        TraceWriter writer = new TraceWriter(repository, blocking, meters, 2);
        writer.start(manual, Duration.ofMillis(100));
        writer.add(trace("q1", "hotline"));
        writer.add(trace("q2", "hotline"));
        writer.add(trace("over", "hotline"));

        Await.until(
                "overflow written alone",
                Duration.ofSeconds(10),
                () -> repository.findTrace("over").isPresent());
        assertThat(registry.get(IvrTraceMeters.OVERFLOW).counter().count()).isEqualTo(1.0);
        assertThat(repository.findTrace("q1")).isEmpty();

        writer.close(); // graceful stop: nothing queued is lost
        assertThat(repository.findTrace("q1")).isPresent();
        assertThat(repository.findTrace("q2")).isPresent();
        assertThat(writer.queued()).isZero();
        periodic.getFirst().run(); // the period was cancelled
        // the overflow's own write counts in its completion callback, which may run after its document shows
        Await.until(
                "three traces counted",
                Duration.ofSeconds(10),
                () -> registry.get(IvrTraceMeters.WRITTEN).counter().count() >= 3.0);
        assertThat(registry.get(IvrTraceMeters.WRITTEN).counter().count()).isEqualTo(3.0);
    }
}
