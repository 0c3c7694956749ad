package org.callcenter.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.config.ConfigLoader;
import org.callcenter.config.QualityConfig;
import org.callcenter.metrics.QualityMeters;
import org.callcenter.quality.ComplaintService;
import org.callcenter.quality.MonthlyReport;
import org.callcenter.quality.RecurringProblems;
import org.callcenter.quality.ReportService;
import org.callcenter.store.MongoComplaintRepository;
import org.callcenter.store.MongoRecurringRepository;
import org.callcenter.store.MongoReportRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoTechnicianDirectory;
import org.callcenter.store.MongoTicketRepository;

/**
 * The monthly service-quality report at scale: T technicians, R requests spread over the 12 months up
 * to the report month (with their clocks), R/2 visits, R/5 IVR surveys, R/5 calls and R/500
 * complaints, bulk-inserted into the engine's MongoDB (embedded by default; {@code
 * -Dbench.mongodb.uri=...} for a real one). Prints the seeding time, then for two runs of the
 * report: generation time, bytes allocated by the generating thread, and the highest heap use seen
 * while it ran (sampled every 10 ms; the embedded server runs in this JVM and is included).
 *
 * <p>System properties: {@code -Drequests=1000000 -Dtechnicians=500}.
 */
public final class MonthlyReportBenchmark {
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final String[] PRODUCTS = {"pump-a", "pump-b", "heater", "fan", "valve", "boiler", "chiller", "meter"};
    static final String[] CATEGORIES = {"leak", "noise", "installation", "usage", "fault", "delivery"};
    static final String[] STATES = {"met", "met", "met", "breached", "running"};

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("requests", 1_000_000);
        int technicians = Integer.getInteger("technicians", 500);
        String uri = System.getProperty("bench.mongodb.uri", "");
        MongoStore mongo = MongoStore.open(new MongoConfig(
                uri, "reportbench", Files.createTempDirectory("report-bench").toString()));
        long t0 = System.nanoTime();
        seed(mongo, requests, technicians);
        System.out.printf(
                "%,d requests, %,d visits, %,d surveys, %,d calls, %,d complaints, %,d technicians; store %s;"
                        + " seeded in %,d s; %d cores%n",
                requests,
                requests / 2,
                requests / 5,
                requests / 5,
                requests / 500,
                technicians,
                mongo.embedded() ? "embedded" : "external",
                (System.nanoTime() - t0) / 1_000_000_000,
                Runtime.getRuntime().availableProcessors());

        Clock clock = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZONE);
        QualityConfig config = ConfigLoader.load(Optional.empty(), Map.of()).quality();
        QualityMeters meters = new QualityMeters(new SimpleMeterRegistry());
        MongoComplaintRepository complaints = new MongoComplaintRepository(mongo);
        MongoTechnicianDirectory directory = new MongoTechnicianDirectory(mongo);
        MongoTicketRepository tickets = new MongoTicketRepository(mongo);
        MongoReportRepository facts = new MongoReportRepository(mongo);
        ComplaintService complaintService = new ComplaintService(
                complaints, directory, tickets, EventPublisher.NONE, meters, config.ladderWindowMonths(), clock);
        RecurringProblems recurring = new RecurringProblems(
                new MongoRecurringRepository(mongo), tickets, facts, config, EventPublisher.NONE, meters, ZONE, clock);
        ReportService reports =
                new ReportService(facts, complaints, directory, complaintService, recurring, meters, ZONE, clock);
        if (Boolean.getBoolean("phases")) phases(facts);
        for (int run = 1; run <= 2; run++) {
            System.gc();
            long before = BenchSupport.heapUsed();
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(BenchSupport.heapUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            MonthlyReport r = reports.generate(MONTH);
            long ms = (System.nanoTime() - start) / 1_000_000;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            sampler.interrupt();
            sampler.join();
            System.gc();
            System.out.printf(
                    "run %d: report %s in %,d ms: %,d technicians, %,d agents, %,d requests in the month,"
                            + " %,d visits, %,d recurring rows; report thread allocated %,d MiB;"
                            + " heap before %,d MiB, peak %,d MiB, after GC %,d MiB%n",
                    run,
                    r.month(),
                    ms,
                    r.technicians().size(),
                    r.agents().size(),
                    r.totals().requests(),
                    r.totals().visits(),
                    r.recurring().size(),
                    allocated >> 20,
                    before >> 20,
                    peak.get() >> 20,
                    BenchSupport.heapUsed() >> 20);
        }
        mongo.close();
        System.exit(0);
    }

    /** -Dphases=true: the time of each of the report's reads on its own. */
    static void phases(MongoReportRepository facts) {
        Instant from = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        Instant yearBefore =
                YearMonth.of(MONTH.getYear() - 1, 1).atDay(1).atStartOfDay(ZONE).toInstant();
        long[] n = new long[1];
        List<String> visited = new ArrayList<>();
        time("tickets since the year before", () -> facts.forEachTicket(yearBefore, to, t -> n[0]++), n);
        time("visits of the month", () -> facts.forEachVisit(from, to, v -> visited.add(v.ticketId())), n);
        time("visited requests by _id", () -> n[0] = facts.tickets(visited).size(), n);
        time("surveys of the month", () -> facts.forEachSurvey(from, to, s -> n[0]++), n);
        time("calls of the month", () -> facts.forEachCall(from, to, c -> n[0]++), n);
    }

    static void time(String what, Runnable r, long[] n) {
        n[0] = 0;
        long s = System.nanoTime();
        r.run();
        System.out.printf("  %s: %,d ms (%,d read)%n", what, (System.nanoTime() - s) / 1_000_000, n[0]);
    }

    static void seed(MongoStore mongo, int requests, int technicians) {
        Random random = new Random(42);
        var db = mongo.database();
        List<Document> techs = new ArrayList<>();
        for (int t = 0; t < technicians; t++)
            techs.add(new Document("_id", "t" + t)
                    .append("name", "Technician " + t)
                    .append("region", "east"));
        db.getCollection("technicians").insertMany(techs);
        long from =
                MONTH.minusMonths(11).atDay(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
        long span = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - from;
        Batch tickets = new Batch(db.getCollection("tickets"));
        Batch visits = new Batch(db.getCollection("visits"));
        Batch surveys = new Batch(db.getCollection("surveys"));
        Batch calls = new Batch(db.getCollection("calls"));
        Batch complaints = new Batch(db.getCollection("complaints"));
        for (int i = 0; i < requests; i++) {
            String number = String.format("%08d", 10_000_000 + i);
            Date opened = new Date(from + (long) (random.nextDouble() * span));
            String agent = "agent" + random.nextInt(200);
            Document clocks = new Document("feedback", clock(random)).append("resolve", clock(random));
            if (i % 2 == 0) clocks.append("onsite_arrival", clock(random));
            tickets.add(new Document("_id", number)
                    .append("customerId", "c" + random.nextInt(requests / 3 + 1))
                    .append("phone", "+86138" + String.format("%08d", i))
                    .append("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                    .append("product", PRODUCTS[random.nextInt(PRODUCTS.length)])
                    .append("severity", "general")
                    .append("description", "seeded request " + i)
                    .append("channel", random.nextInt(5) == 0 ? "web" : "phone")
                    .append("status", "resolved")
                    .append("openedAt", opened)
                    .append("createdBy", agent)
                    .append("version", 3L)
                    .append("clocks", clocks));
            String tech = "t" + random.nextInt(technicians);
            if (i % 2 == 0) {
                Date start = new Date(opened.getTime() + 86_400_000L);
                boolean punctual = random.nextInt(4) != 0;
                Document v = new Document("_id", "v" + i)
                        .append("ticketId", number)
                        .append("ticketNumber", number)
                        .append("technicianId", tech)
                        .append("appointmentStart", start)
                        .append("appointmentEnd", new Date(start.getTime() + 7_200_000L))
                        .append("arrivedAt", start)
                        .append("punctual", punctual)
                        .append("minutesLate", punctual ? 0 : 5 + random.nextInt(60))
                        .append("consent", "given");
                if (random.nextInt(3) == 0)
                    v.append("rating", 1 + random.nextInt(5)).append("ratedAt", new Date(start.getTime() + 3_600_000L));
                visits.add(v);
            }
            if (i % 5 == 0) {
                surveys.add(new Document("_id", "s" + i)
                        .append("agent", agent)
                        .append("ticket", number)
                        .append("rating", 1 + random.nextInt(5))
                        .append("callbackRequested", false)
                        .append("at", new Date(opened.getTime() + 60_000L)));
                calls.add(new Document("_id", "call" + i)
                        .append("agent", agent)
                        .append("outcome", "answered")
                        .append("status", "ended")
                        .append("startedAt", opened.toInstant().toString())
                        .append("waitSeconds", 10L)
                        .append("talkSeconds", 120L)
                        .append("ticketNumber", number));
            }
            if (i % 500 == 0)
                complaints.add(new Document("_id", "cmp" + i)
                        .append("technicianId", tech)
                        .append("ticketId", number)
                        .append("source", "call")
                        .append("text", "seeded")
                        .append("registeredBy", agent)
                        .append("registeredAt", opened)
                        .append("verification", random.nextBoolean() ? "verified" : "pending"));
        }
        for (Batch b : List.of(tickets, visits, surveys, calls, complaints)) b.flush();
    }

    static Document clock(Random random) {
        String state = STATES[random.nextInt(STATES.length)];
        Document d = new Document("state", state).append("counting", "business_hours");
        if (state.equals("breached")) d.append("breachedAt", new Date(0));
        return d;
    }

    /** Bulk inserts of 5,000 documents. */
    static final class Batch {
        final com.mongodb.client.MongoCollection<Document> collection;
        final List<Document> docs = new ArrayList<>();

        Batch(com.mongodb.client.MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void add(Document d) {
            docs.add(d);
            if (docs.size() >= 5_000) flush();
        }

        void flush() {
            if (!docs.isEmpty()) collection.insertMany(docs);
            docs.clear();
        }
    }
}
