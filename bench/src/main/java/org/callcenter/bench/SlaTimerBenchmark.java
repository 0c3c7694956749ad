package org.callcenter.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.callcenter.common.EventPublisher;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.config.AppConfig.RedisConfig;
import org.callcenter.metrics.SlaMeters;
import org.callcenter.sla.CalendarLoader;
import org.callcenter.sla.ClockLock;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.ClockPlanner;
import org.callcenter.sla.ClockRepository;
import org.callcenter.sla.Counting;
import org.callcenter.sla.EscalationLog;
import org.callcenter.sla.ScheduledTicker;
import org.callcenter.sla.SlaClock;
import org.callcenter.sla.SlaEvents;
import org.callcenter.sla.SlaTimers;
import org.callcenter.sla.TimerIndex;
import org.callcenter.sla.TimerKind;
import org.callcenter.sla.TimerRef;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.RedisClockLock;
import org.callcenter.store.RedisClockStats;
import org.callcenter.store.RedisEscalationLog;
import org.callcenter.store.RedisStore;
import org.callcenter.store.RedisTimerIndex;

/**
 * SLA timers at scale: N pending clocks (schedule rate, Redis memory, recovery after restart), a burst
 * of clocks falling due in the same second (lateness), steady firing of M due deadlines by two timer
 * services sharing Redis and MongoDB, and db-scheduler on PostgreSQL executing the same M deadlines.
 * Prints numbers; verifies that both fired every deadline exactly once.
 *
 * <p>Arguments: [pending=1000000] [deadlines=100000] [burst=10000]; -Dbench.jdbc=jdbc:postgresql://...
 */
public final class SlaTimerBenchmark {
    static final String KEY = "sla:bench:timers";
    static final Clock CLOCK = Clock.systemUTC();
    /** -Dphases=true: per store call, the time spent in the burst and steady phases. */
    static final boolean PHASES = Boolean.getBoolean("phases");
    /** Timers claimed per batch (the engine's sla.batch_size, default 1000). */
    static final int BATCH = Integer.getInteger("bench.batch", 1000);

    final ClockPlanner planner = new ClockPlanner(CalendarLoader.load("sla.calendar", "china-2026"));
    final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> lateMillis = new ConcurrentLinkedQueue<>();
    final EventPublisher events = (address, event) -> {
        if (event instanceof SlaEvents.SlaBreached b) {
            fired.computeIfAbsent(b.id(), k -> new AtomicInteger()).incrementAndGet();
            // lateness from due to the announcement (this publish), not to the decision
            lateMillis.add(Duration.between(b.due(), CLOCK.instant()).toMillis());
        }
    };
    final PhaseTimings phases = new PhaseTimings();
    MongoStore mongo;
    RedisStore redis;
    MongoClockRepository repo;

    public static void main(String[] args) throws Exception {
        int pending = arg(args, 0, 1_000_000);
        int deadlines = arg(args, 1, 100_000);
        int burst = arg(args, 2, 10_000);
        new SlaTimerBenchmark().run(pending, deadlines, burst);
        System.exit(0);
    }

    void run(int pending, int deadlines, int burst) throws Exception {
        Path dir = Files.createTempDirectory("sla-bench");
        // empty: the engine's embedded default (mongo-java-server, H2 file); or a real MongoDB
        String uri = System.getProperty("bench.mongodb.uri", "");
        // -Dbench.backend=memory: mongo-java-server with its in-memory backend instead (NOT the engine's
        // default; shows the cost of the protocol and the engine without the H2 backend's serialization)
        boolean memory = uri.isEmpty() && "memory".equals(System.getProperty("bench.backend", "h2"));
        MongoServer memoryServer = null;
        if (memory) {
            memoryServer = new MongoServer(new MemoryBackend());
            memoryServer.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + memoryServer.getLocalAddress().getPort();
        }
        mongo = MongoStore.open(
                new MongoConfig(uri, "slabench", dir.resolve("mongo").toString()));
        System.out.println("MongoDB: "
                + (memory
                        ? "mongo-java-server, IN-MEMORY backend (-Dbench.backend=memory; not the engine's default)"
                        : uri.isEmpty() ? "embedded default (mongo-java-server, H2 file backend)" : uri));
        redis = RedisStore.open(new RedisConfig("", "", dir.resolve("redis").toString(), 128));
        repo = new MongoClockRepository(mongo);
        redis.client().del(KEY);
        System.out.printf(
                "SLA timer benchmark: %,d pending clocks, %,d deadlines side by side, burst %,d; batch %,d; %d cores%n",
                pending, deadlines, burst, BATCH, Runtime.getRuntime().availableProcessors());

        SlaTimers a = timers();
        SlaTimers b = timers();
        a.rebuild(); // the engine's start on an empty database (the timer registry is then complete)

        long mem0 = usedMemory();
        long t0 = System.nanoTime();
        insert("p", pending, CLOCK.instant().plus(Duration.ofDays(30)), true);
        double scheduleRate = pending / DbSchedulerPeer.seconds(t0);
        long timers = redis.client().zcard(KEY);
        long mem1 = usedMemory();
        row("schedule (MongoDB truth + Redis index)", "%,.0f clocks/s", scheduleRate);
        row(
                "Redis memory for the index",
                "%,.1f MiB (%d bytes/timer, %,d timers)",
                (mem1 - mem0) / 1048576.0,
                timers == 0 ? 0 : (mem1 - mem0) / timers,
                timers);

        redis.client().del(KEY); // a restart that lost the index: rebuild it from MongoDB
        t0 = System.nanoTime();
        long rebuilt = a.rebuild();
        row(
                "recovery: index rebuilt from MongoDB",
                "%.1f s for %,d timers (goal <= 10 s)",
                DbSchedulerPeer.seconds(t0),
                rebuilt);
        t0 = System.nanoTime();
        a.recountStates();
        row(
                "  then: clocks by state recounted (all tickets)",
                "%.1f s (background, only when Redis lost the counts)",
                DbSchedulerPeer.seconds(t0));

        // warm-up (not measured): a running engine's firing path is JIT-compiled by the timers it fires
        // every day; without this the burst below would time the JVM's first batches of it
        int warmup = Integer.getInteger("bench.warmup", 2_000);
        if (warmup > 0) {
            insert("w", warmup, CLOCK.instant().minusSeconds(1), false);
            List<ScheduledTicker> warming = poll(a, b);
            awaitFired(warmup, Duration.ofMinutes(5));
            awaitWritten(Duration.ofMinutes(5));
            warming.forEach(ScheduledTicker::close);
            row("warm-up (not measured)", "%,d timers fired before the burst", warmup);
            fired.clear();
            lateMillis.clear();
        }

        // burst: all due in the same second, while the pending ones wait
        Instant second = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(15);
        insert("b", burst, second, false);
        phases.reset();
        List<ScheduledTicker> tickers = poll(a, b);
        awaitFired(burst, Duration.ofMinutes(5));
        tickers.forEach(ScheduledTicker::close);
        long[] late = lateMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        row(
                "burst lateness (" + burst + " due in one second)",
                "p50 %d ms, p99 %d ms, max %d ms (goal p99 <= 1000 ms)",
                pct(late, 50),
                pct(late, 99),
                late.length == 0 ? -1 : late[late.length - 1]);
        if (PHASES) phases.print("burst", burst);

        // steady firing: the deadlines are all due; two timer services share the work
        fired.clear();
        insert("s", deadlines, CLOCK.instant().minusSeconds(1), false);
        t0 = System.nanoTime();
        phases.reset();
        tickers = poll(a, b);
        awaitFired(deadlines, Duration.ofMinutes(20));
        awaitWritten(Duration.ofMinutes(5)); // announced is not done: the markers are written too
        double ours = deadlines / DbSchedulerPeer.seconds(t0);
        tickers.forEach(ScheduledTicker::close);
        long dup = fired.values().stream().filter(n -> n.get() > 1).count();
        row(
                "steady firing, 2 timer services",
                "%,.0f deadlines/s; fired %,d, duplicates %d, missing %d",
                ours,
                fired.size(),
                dup,
                deadlines - fired.size());
        if (PHASES) phases.print("steady", deadlines);

        // restart with the index intact in Redis: timers that fell due while no engine ran fire at once,
        // while the rebuild from MongoDB runs beside the poller (as SlaModule does)
        fired.clear();
        int overdue = Math.max(1, burst / 10);
        insert("r", overdue, CLOCK.instant().minusSeconds(5), false);
        t0 = System.nanoTime();
        SlaTimers restarted = timers();
        Thread rebuild = Thread.ofVirtual().start(() -> {
            restarted.pollOnce();
            restarted.rebuild();
        });
        tickers = poll(restarted);
        awaitFired(overdue, Duration.ofMinutes(10));
        row(
                "recovery: restart with the index in Redis",
                "%,d overdue timers fired %.1f s after start (goal <= 10 s)",
                fired.size(),
                DbSchedulerPeer.seconds(t0));
        rebuild.join();
        tickers.forEach(ScheduledTicker::close);
        restarted.close();

        String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/test");
        DbSchedulerPeer.Result peer = DbSchedulerPeer.run(jdbc, deadlines, 16, CLOCK);
        row("db-scheduler schedule (scheduleBatch)", "%,.0f deadlines/s", peer.scheduleRate());
        row(
                "db-scheduler lock-and-fetch, 16 threads",
                "%,.0f executions/s; executed %,d, duplicates %d, missing %d",
                peer.executionRate(),
                peer.executed(),
                peer.duplicates(),
                peer.missing());
        row("ratio ours / db-scheduler", "%.2fx (goal >= 3x)", ours / peer.executionRate());
        a.close();
        b.close();
        redis.close();
        mongo.close();
        if (memoryServer != null) memoryServer.shutdownNow();
        try (var files = Files.walk(dir)) { // the data of a full run takes GBs
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    SlaTimers timers() {
        return new SlaTimers(
                phases.wrap(ClockRepository.class, repo),
                phases.wrap(
                        ClockLock.class,
                        new RedisClockLock(redis, "sla:bench:lock:", Duration.ofSeconds(10), Duration.ofSeconds(5))),
                phases.wrap(EscalationLog.class, new RedisEscalationLog(redis, "sla:bench:escalations", 1000)),
                phases.wrap(TimerIndex.class, new RedisTimerIndex(redis, KEY)),
                new RedisClockStats(redis, "sla:bench:states"),
                events,
                new SlaMeters(new SimpleMeterRegistry()),
                CLOCK,
                Duration.ofSeconds(30),
                BATCH,
                32);
    }

    static List<ScheduledTicker> poll(SlaTimers... services) {
        List<ScheduledTicker> out = new ArrayList<>();
        for (SlaTimers s : services) {
            ScheduledTicker t = new ScheduledTicker();
            t.every(Duration.ofMillis(50), s::pollOnce);
            out.add(t);
        }
        return out;
    }

    void awaitFired(int n, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (fired.size() < n && System.nanoTime() < end) LockSupport.parkNanos(2_000_000);
    }

    /** Waits until no timer is due or leased in the index: every handled batch wrote its markers. */
    void awaitWritten(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        String upTo = Long.toString(CLOCK.instant().plus(Duration.ofMinutes(10)).toEpochMilli());
        while (redis.client().zcount(KEY, "-inf", upTo) > 0 && System.nanoTime() < end)
            LockSupport.parkNanos(2_000_000);
    }

    /**
     * Writes {@code n} clocks breaching at {@code due} (their warnings already announced, so each is
     * one timer) to MongoDB and the index, from 4 threads. {@code spread} adds i ms to each due.
     */
    void insert(String prefix, int n, Instant due, boolean spread) throws InterruptedException {
        int threads = 4;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int from = (int) ((long) n * w / threads);
            int to = (int) ((long) n * (w + 1) / threads);
            workers.add(Thread.ofVirtual().start(() -> {
                RedisTimerIndex index = new RedisTimerIndex(redis, KEY);
                List<Document> docs = new ArrayList<>();
                List<Document> entries = new ArrayList<>();
                List<TimerRef> refs = new ArrayList<>();
                Instant now = CLOCK.instant();
                for (int i = from; i < to; i++) {
                    Instant d = spread ? due.plusMillis(i) : due;
                    Instant start = d.minus(Duration.ofHours(1));
                    SlaClock c = planner.start(
                            ClockName.COMPLAINT_ANSWER, Counting.WALL_CLOCK, Duration.ofHours(1), 80, start, null);
                    Document clock = MongoClockRepository.toDocument(c)
                            .append("warnedAt", java.util.Date.from(now))
                            .append("warnNotified", true);
                    String id = prefix + i;
                    docs.add(new Document("_id", id).append("clocks", new Document("complaint_answer", clock)));
                    Document entry = MongoClockRepository.timerEntry(id, c);
                    entry.remove("w"); // as stored: the warning was announced, only the breach is pending
                    entries.add(entry);
                    refs.add(new TimerRef(id, ClockName.COMPLAINT_ANSWER, TimerKind.BREACH, c.plan(), c.due()));
                    if (docs.size() == 1000) {
                        write(docs, entries, refs, index);
                        docs.clear();
                        entries.clear();
                        refs.clear();
                    }
                }
                if (!docs.isEmpty()) write(docs, entries, refs, index);
            }));
        }
        for (Thread t : workers) t.join();
    }

    /** As the engine writes new clocks: the pending-timer entries, the tickets, then the index. */
    void write(List<Document> tickets, List<Document> entries, List<TimerRef> refs, RedisTimerIndex index) {
        mongo.database().getCollection(MongoClockRepository.TIMERS).insertMany(entries);
        mongo.database().getCollection("tickets").insertMany(tickets);
        index.add(refs);
    }

    long usedMemory() {
        return Arrays.stream(redis.client().info("memory").split("\r?\n"))
                .filter(l -> l.startsWith("used_memory:"))
                .mapToLong(
                        l -> Long.parseLong(l.substring("used_memory:".length()).trim()))
                .findFirst()
                .orElse(0);
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0
                ? -1
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    static void row(String what, String format, Object... values) {
        System.out.printf("  %-44s %s%n", what, String.format(format, values));
    }

    static int arg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i].replace("_", "")) : def;
    }
}
