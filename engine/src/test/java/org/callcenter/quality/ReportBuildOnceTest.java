package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.QualityConfig;
import org.callcenter.ivr.SurveyResult;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.support.MutableClock;
import org.junit.jupiter.api.Test;

/** Three viewers asking for the same month while it is being built share one build. */
class ReportBuildOnceTest {
    final AtomicInteger scans = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);

    final ReportRepository facts = new ReportRepository() {
        @Override
        public void forEachTicket(Instant from, Instant to, Consumer<TicketFacts> consumer) {}

        @Override
        public List<TicketFacts> tickets(Collection<String> numbers) {
            return List.of();
        }

        @Override
        public void forEachVisit(Instant from, Instant to, Consumer<VisitFacts> consumer) {
            scans.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void forEachSurvey(Instant from, Instant to, Consumer<SurveyResult> consumer) {}

        @Override
        public void forEachCall(Instant from, Instant to, Consumer<CallFacts> consumer) {}

        @Override
        public void forEachReturn(String month, Consumer<ReturnFacts> consumer) {}

        @Override
        public List<AgentFacts> agents() {
            return List.of();
        }

        @Override
        public void saveReport(String id, String json, Instant generatedAt) {}

        @Override
        public Optional<String> findReport(String id) {
            return Optional.empty();
        }
    };

    final RecurringRepository counts = new RecurringRepository() {
        @Override
        public long increment(String product, String category, String period) {
            return 0;
        }

        @Override
        public long count(String product, String category, String period) {
            return 0;
        }

        @Override
        public boolean insertWarning(QualityEvents.KeyWarning warning) {
            return true;
        }

        @Override
        public List<QualityEvents.KeyWarning> warnings(String period) {
            return List.of();
        }
    };

    @Test
    void concurrentRequestsShareOneBuild() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-15T10:00:00Z"));
        QualityMeters meters = new QualityMeters(new SimpleMeterRegistry());
        QualityConfig config = new QualityConfig(12, 3, 2, Map.of(), "technical", Duration.ofSeconds(30));
        InMemoryComplaints complaints = new InMemoryComplaints();
        TechnicianDirectory nobody = new TechnicianDirectory() {
            @Override
            public Optional<Technician> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<Technician> all() {
                return List.of();
            }
        };
        ComplaintService complaintService =
                new ComplaintService(complaints, nobody, null, EventPublisher.NONE, meters, 12, clock);
        RecurringProblems recurring =
                new RecurringProblems(counts, null, facts, config, EventPublisher.NONE, meters, ZoneOffset.UTC, clock);
        ReportService reports = new ReportService(
                facts, complaints, nobody, complaintService, recurring, meters, ZoneOffset.UTC, clock);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<MonthlyReport>> viewers = new ArrayList<>();
        viewers.add(pool.submit(() -> reports.generate(YearMonth.of(2026, 10))));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 2; i++) viewers.add(pool.submit(() -> reports.generate(YearMonth.of(2026, 10))));
        // the two latecomers wait for the first build instead of starting their own
        org.callcenter.support.Await.until("two waiting", Duration.ofSeconds(10), () -> reports.waiting() == 2);
        release.countDown();
        MonthlyReport first = viewers.get(0).get(10, TimeUnit.SECONDS);
        for (Future<MonthlyReport> v : viewers)
            assertThat(v.get(10, TimeUnit.SECONDS)).isSameAs(first);
        assertThat(scans.get()).isEqualTo(1);
        pool.shutdown();
    }
}
