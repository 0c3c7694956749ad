package org.callcenter.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.callcenter.Engine;
import org.callcenter.common.JsonMapper;
import org.callcenter.config.AppConfig;
import org.callcenter.config.ConfigLoader;
import org.callcenter.store.MongoCustomerRepository;
import org.callcenter.store.MongoTicketRepository;

/**
 * Caller-history benchmark: loads N customers and M service requests into the embedded store
 * (mongo-java-server on H2 + a redis-server child), then measures GET /api/v1/callers/{phone}/history
 * over HTTP: cold lookups (Redis miss, built from MongoDB) and warm lookups (Redis hit). Prints load
 * time, latency percentiles, memory figures and a Markdown summary. It asserts nothing.
 *
 * <p>Settings (system property {@code -Dname=value} or program argument {@code name=value}):
 * customers (100000), tickets (1000000), batch (2000), clients (8), cold (5000), warm (100000),
 * warmSet (2000), warmup (2000), seed (20240601), keep (false: delete the temporary data directory).
 */
public final class CallerHistoryBenchmark {
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final Pattern METRIC_LINE =
            Pattern.compile("^callcenter_history_lookup_duration_seconds_(sum|count|max)\\{([^}]*)\\}\\s+(\\S+)");
    private static final Pattern SOURCE_LABEL = Pattern.compile("source=\"([^\"]*)\"");

    private final Map<String, String> args;
    private final List<String[]> summary = new ArrayList<>();

    private CallerHistoryBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            String s = a.startsWith("--") ? a.substring(2) : a;
            int eq = s.indexOf('=');
            if (eq > 0) args.put(s.substring(0, eq), s.substring(eq + 1));
        }
        new CallerHistoryBenchmark(args).run();
    }

    private String setting(String name, String dflt) {
        String v = args.get(name);
        if (v == null) v = System.getProperty(name);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private int intSetting(String name, int dflt) {
        return Integer.parseInt(setting(name, String.valueOf(dflt)).replace("_", ""));
    }

    private void run() throws Exception {
        int customers = intSetting("customers", 100_000);
        int tickets = intSetting("tickets", 1_000_000);
        int batch = intSetting("batch", 2_000);
        int clients = intSetting("clients", 8);
        int coldN = intSetting("cold", 5_000);
        int warmN = intSetting("warm", 100_000);
        int warmSetN = intSetting("warmSet", 2_000);
        int warmupN = intSetting("warmup", 2_000);
        long seed = Long.parseLong(setting("seed", "20240601"));
        boolean keep = Boolean.parseBoolean(setting("keep", "false"));

        section("Caller-history benchmark");
        machineInfo();
        System.out.printf(
                Locale.ROOT,
                "settings: customers=%,d tickets=%,d batch=%,d clients=%d cold=%,d warm=%,d warmSet=%,d warmup=%,d seed=%d%n",
                customers,
                tickets,
                batch,
                clients,
                coldN,
                warmN,
                warmSetN,
                warmupN,
                seed);

        Path dataDir = Files.createTempDirectory("callcenter-bench-");
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("MONGODB_DATA_DIR", dataDir.toString());
        env.put("REDIS_DATA_DIR", dataDir.resolve("redis").toString());
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        AppConfig config = ConfigLoader.load(Optional.empty(), env);
        System.out.println("data directory: " + dataDir + (keep ? " (kept)" : " (deleted at the end)"));

        long started = System.nanoTime();
        Engine engine;
        try {
            engine = Engine.start(config, Clock.system(config.zone()));
        } catch (RuntimeException e) {
            deleteTree(dataDir);
            throw e;
        }
        System.out.printf(
                Locale.ROOT, "engine started in %.1f s on port %d%n", secondsSince(started), engine.httpPort());
        System.out.println("  MongoDB: " + engine.mongo().description());
        System.out.println("  Redis:   " + engine.redis().description());
        Thread hook = new Thread(() -> {
            engine.close();
            if (!keep) deleteTree(dataDir);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Path h2File = dataDir.resolve(org.callcenter.store.EmbeddedMongo.FILE_NAME);
        try {
            memory("after engine start (empty store)", engine, h2File, false);

            BenchData data = load(engine, config, customers, tickets, batch, seed);
            String rssAfterLoad = memory("after load", engine, h2File, false);

            String base = "http://127.0.0.1:" + engine.httpPort();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            String token = login(http, base);
            RssSampler sampler = RssSampler.start();
            measure(http, base, token, data, clients, coldN, warmN, warmSetN, warmupN, seed);
            long lookupRss = sampler.stop();
            serverSideTimes(http, base);
            System.out.printf(
                    Locale.ROOT, "%nJVM VmRSS during the lookups (highest sample, every 100 ms): %s%n", mib(lookupRss));
            memory("after lookups", engine, h2File, true);
            row(
                    "Benchmark JVM RSS (engine in-process)",
                    String.format(
                            Locale.ROOT,
                            "up to %s during lookups; %s after load + GC; peak %s (VmHWM, during the bulk load); -Xmx %s",
                            mib(lookupRss),
                            rssAfterLoad,
                            procStatus(Path.of("/proc/self/status")).getOrDefault("VmHWM", "?"),
                            mib(Runtime.getRuntime().maxMemory())));
        } finally {
            section("Shutdown");
            long closing = System.nanoTime();
            engine.close();
            System.out.printf(Locale.ROOT, "engine closed in %.1f s%n", secondsSince(closing));
            long h2 = sizeOf(h2File);
            System.out.printf(Locale.ROOT, "H2 data file after close: %s%n", mib(h2));
            row("H2 data file (after close)", mib(h2));
            if (!keep) {
                deleteTree(dataDir);
                System.out.println("deleted " + dataDir);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
        }
        printSummary();
    }

    // ---------------------------------------------------------------- load

    private BenchData load(Engine engine, AppConfig config, int customers, int tickets, int batch, long seed) {
        section("Load");
        long t0 = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        BenchData data =
                BenchData.plan(seed, customers, tickets, config.tickets().numberDigits(), now, config.zone());
        System.out.printf(
                Locale.ROOT,
                "plan: %,d customer ids, %,d unique phone numbers, %,d unique ticket numbers in %.1f s (client side)%n",
                customers,
                data.phoneCount(),
                tickets,
                secondsSince(t0));

        MongoCustomerRepository customerRepo = engine.customerRepository();
        MongoTicketRepository ticketRepo = engine.ticketRepository();

        long loadStart = System.nanoTime();
        Loaded c = loadOne("customers (+ phone index)", customers, batch, data::customer, customerRepo::insertAll);
        Loaded i = loadCollection(
                "installations", customers, batch, data::installations, customerRepo::insertInstallations);
        Loaded t = loadCollection("tickets", customers, batch, data::tickets, ticketRepo::insertAll);
        double total = secondsSince(loadStart);

        System.out.printf(Locale.ROOT, "%nload finished: %.1f s in total%n", total);
        System.out.printf(
                Locale.ROOT,
                "  %-28s %,10d docs  %7.1f s  %,8.0f docs/s  (insertMany time %.1f s, client-side generation %.1f s)%n",
                "customers",
                c.docs,
                c.wallSeconds,
                c.docs / c.wallSeconds,
                c.insertSeconds,
                c.wallSeconds - c.insertSeconds);
        System.out.printf(
                Locale.ROOT,
                "  %-28s %,10d docs  (written in the same insertMany calls as the customers)%n",
                "phones (index)",
                data.phoneCount());
        for (Loaded l : List.of(i, t))
            System.out.printf(
                    Locale.ROOT,
                    "  %-28s %,10d docs  %7.1f s  %,8.0f docs/s  (insertMany time %.1f s, client-side generation %.1f s)%n",
                    l.name,
                    l.docs,
                    l.wallSeconds,
                    l.docs / l.wallSeconds,
                    l.insertSeconds,
                    l.wallSeconds - l.insertSeconds);
        System.out.printf(
                Locale.ROOT,
                "  store counts: customers=%,d tickets=%,d%n",
                engine.customerRepository().count(),
                engine.ticketRepository().count());

        row(
                "Data",
                String.format(
                        Locale.ROOT,
                        "%,d customers (%,d phone numbers), %,d installations, %,d service requests",
                        customers,
                        data.phoneCount(),
                        i.docs,
                        t.docs));
        row(
                "Load time (embedded store)",
                String.format(
                        Locale.ROOT,
                        "%.0f s total: customers %,.0f docs/s, installations %,.0f docs/s, requests %,.0f docs/s",
                        total,
                        c.docs / c.wallSeconds,
                        i.docs / i.wallSeconds,
                        t.docs / t.wallSeconds));
        return data;
    }

    private record Loaded(String name, long docs, double wallSeconds, double insertSeconds) {}

    private static <T> Loaded loadOne(
            String name, int customers, int batch, IntFunction<T> one, Consumer<List<T>> insert) {
        return loadCollection(name, customers, batch, k -> List.of(one.apply(k)), insert);
    }

    /**
     * Walks the customers in order, collecting their documents and inserting them in batches of
     * about {@code batch} documents; prints progress every 10%.
     */
    private static <T> Loaded loadCollection(
            String name, int customers, int batch, IntFunction<List<T>> perCustomer, Consumer<List<T>> insert) {
        System.out.printf(Locale.ROOT, "loading %s ...%n", name);
        long start = System.nanoTime();
        long inserting = 0;
        long docs = 0;
        List<T> pending = new ArrayList<>(batch * 2);
        int perBatch = Math.max(1, batch);
        int nextMark = 1;
        for (int k = 0; k < customers; k++) {
            pending.addAll(perCustomer.apply(k));
            if (pending.size() >= perBatch || k == customers - 1) {
                long s = System.nanoTime();
                insert.accept(pending);
                inserting += System.nanoTime() - s;
                docs += pending.size();
                pending = new ArrayList<>(batch * 2);
                if ((k + 1) * 10L >= (long) nextMark * customers) {
                    double secs = secondsSince(start);
                    System.out.printf(
                            Locale.ROOT,
                            "  %3d%%  %,10d docs  %6.1f s  %,8.0f docs/s  heap used %s%n",
                            (k + 1) * 100L / customers,
                            docs,
                            secs,
                            docs / secs,
                            mib(usedHeap()));
                    while ((long) nextMark * customers <= (k + 1) * 10L) nextMark++;
                }
            }
        }
        return new Loaded(name, docs, secondsSince(start), inserting / 1e9);
    }

    // ---------------------------------------------------------------- lookups

    private static String login(HttpClient http, String base) throws Exception {
        String body = JsonMapper.write(Map.of("username", "admin", "password", ADMIN_PASSWORD));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IllegalStateException("login failed: HTTP " + response.statusCode() + " " + response.body());
        return JsonMapper.mapper().readTree(response.body()).get("token").asText();
    }

    private void measure(
            HttpClient http,
            String base,
            String token,
            BenchData data,
            int clients,
            int coldN,
            int warmN,
            int warmSetN,
            int warmupN,
            long seed)
            throws Exception {
        section("Lookups: GET /api/v1/callers/{phone}/history (HTTP/1.1, bearer token, virtual-thread clients)");
        // distinct customers for each phase, so a "cold" lookup never finds the customer's snapshot cached
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Integer> order = new ArrayList<>(data.customers);
        for (int k = 0; k < data.customers; k++) order.add(k);
        Collections.shuffle(order, new java.util.Random(seed));
        int warmupCustomers = Math.min(200, data.customers / 10);
        int available = data.customers - warmupCustomers;
        int cold = Math.min(coldN, available / 3);
        int coldSerial = Math.min(Math.max(1, cold / 5), available / 6);
        int warmSet = Math.min(warmSetN, available - cold - coldSerial);
        int from = 0;
        List<Integer> warmupIds = order.subList(from, from += warmupCustomers);
        List<Integer> coldIds = order.subList(from, from += cold);
        List<Integer> coldSerialIds = order.subList(from, from += coldSerial);
        List<Integer> warmIds = order.subList(from, from += warmSet);
        System.out.println("phone formats: ~50% E.164 (+8613812345678), the rest '0086 13812345678', '138 1234 5678'"
                + " or '+86-138-1234-5678'");
        System.out.println("latency = client-side time of HttpClient.send(), request to complete body; clients are"
                + " closed-loop (next request as soon as the previous answer arrives) in the engine's JVM");

        // JIT warm-up of the client and the engine on customers not used later
        List<String> warmupPaths = new ArrayList<>();
        for (int k = 0; k < warmupN; k++) warmupPaths.add(path(data, warmupIds.get(k % warmupIds.size()), rnd));
        PhaseResult w = runPhase("warm-up (not measured)", http, base, token, warmupPaths, clients);
        System.out.printf(
                Locale.ROOT,
                "warm-up: %,d lookups over %d customers in %.1f s (JIT; not part of the figures)%n%n",
                w.count(),
                warmupIds.size(),
                w.wallNanos() / 1e9);

        List<String> coldPaths = new ArrayList<>(cold);
        for (int id : coldIds) coldPaths.add(path(data, id, rnd));
        PhaseResult coldResult = runPhase("cold (Redis miss -> MongoDB)", http, base, token, coldPaths, clients);
        System.out.print(coldResult.describe());

        List<String> coldSerialPaths = new ArrayList<>(coldSerial);
        for (int id : coldSerialIds) coldSerialPaths.add(path(data, id, rnd));
        PhaseResult coldOne = runPhase("cold, one client", http, base, token, coldSerialPaths, 1);
        System.out.print(coldOne.describe());

        List<String> primePaths = new ArrayList<>(warmSet);
        List<String> warmPhones = new ArrayList<>(warmSet);
        for (int id : warmIds) {
            String[] phones = data.phones(id);
            String phone = phones[rnd.nextInt(phones.length)];
            warmPhones.add(phone);
            primePaths.add(encode(phone));
        }
        PhaseResult prime = runPhase("prime warm set (cold path)", http, base, token, primePaths, clients);
        System.out.print(prime.describe());

        List<String> warmPaths = new ArrayList<>(warmN);
        for (int k = 0; k < warmN; k++)
            warmPaths.add(encode(format(warmPhones.get(rnd.nextInt(warmPhones.size())), rnd)));
        PhaseResult warm =
                runPhase("warm (Redis hit) over " + warmSet + " phones", http, base, token, warmPaths, clients);
        System.out.print(warm.describe());

        List<String> warmSerialPaths = new ArrayList<>(warmN / 10);
        for (int k = 0; k < Math.max(1, warmN / 10); k++)
            warmSerialPaths.add(encode(format(warmPhones.get(rnd.nextInt(warmPhones.size())), rnd)));
        PhaseResult warmOne = runPhase("warm, one client", http, base, token, warmSerialPaths, 1);
        System.out.print(warmOne.describe());

        row(
                "Warm lookup (Redis hit), goal p99 ≤ 5 ms",
                String.format(
                        Locale.ROOT,
                        "%d clients: p50 %.2f ms · p99 %.2f ms · max %.1f ms (n=%,d, %,.0f req/s); 1 client: p50 %.2f ms · p99 %.2f ms",
                        clients,
                        warm.percentileMs(50),
                        warm.percentileMs(99),
                        warm.maxMs(),
                        warm.count(),
                        warm.throughput(),
                        warmOne.percentileMs(50),
                        warmOne.percentileMs(99)));
        row(
                "Cold lookup (Redis miss → MongoDB)",
                String.format(
                        Locale.ROOT,
                        "%d clients: p50 %.1f ms · p99 %.1f ms · max %.1f ms (n=%,d, %,.0f req/s); 1 client: p50 %.1f ms · p99 %.1f ms",
                        clients,
                        coldResult.percentileMs(50),
                        coldResult.percentileMs(99),
                        coldResult.maxMs(),
                        coldResult.count(),
                        coldResult.throughput(),
                        coldOne.percentileMs(50),
                        coldOne.percentileMs(99)));
        List<PhaseResult> all = List.of(coldResult, coldOne, prime, warm, warmOne);
        int bad = all.stream().mapToInt(r -> r.notOk() + r.failed()).sum();
        int total = all.stream().mapToInt(PhaseResult::count).sum();
        int known = all.stream().mapToInt(PhaseResult::known).sum();
        row(
                "Responses",
                String.format(
                        Locale.ROOT,
                        "%,d of %,d not HTTP 200; known caller %,d of %,d; warm answers with source=cache %,d of %,d",
                        bad,
                        total,
                        known,
                        total,
                        warm.fromCache() + warmOne.fromCache(),
                        warm.count() + warmOne.count()));
        row(
                "Clients",
                clients + " (and 1) closed-loop HTTP/1.1 clients on virtual threads, in the engine's JVM; phone in"
                        + " E.164, 0086…, national and dashed formats");
    }

    /** The request path for one of the customer's numbers, in a random format. */
    private static String path(BenchData data, int customer, SplittableRandom rnd) {
        String[] phones = data.phones(customer);
        return encode(format(phones[rnd.nextInt(phones.length)], rnd));
    }

    /** E.164 half the time; otherwise an international-prefix, national or dashed form that needs normalizing. */
    static String format(String e164, SplittableRandom rnd) {
        String national = e164.substring(3); // +86 then 11 digits
        int style = rnd.nextInt(6);
        return switch (style) {
            case 0, 1, 2 -> e164;
            case 3 -> "0086 " + national;
            case 4 -> national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7);
            default -> "+86-" + national.substring(0, 3) + "-" + national.substring(3, 7) + "-" + national.substring(7);
        };
    }

    private static String encode(String phone) {
        return "/api/v1/callers/" + phone.replace("+", "%2B").replace(" ", "%20") + "/history";
    }

    private static PhaseResult runPhase(
            String name, HttpClient http, String base, String token, List<String> paths, int clients)
            throws InterruptedException {
        int n = paths.size();
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        AtomicInteger known = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        long[] gcBefore = gcTotals();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int k;
                    while ((k = next.getAndIncrement()) < n) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(k)))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            nanos[k] = System.nanoTime() - t0;
                            String body = r.body();
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                                if (body.contains("\"source\":\"cache\"")) cached.incrementAndGet();
                                if (body.contains("\"known\":true")) known.incrementAndGet();
                                else if (problems.size() < 3) problems.add("unknown caller for " + paths.get(k));
                            } else {
                                notOk.incrementAndGet();
                                if (problems.size() < 3)
                                    problems.add(
                                            "HTTP " + r.statusCode() + " " + abbreviate(body) + " for " + paths.get(k));
                            }
                        } catch (IOException | InterruptedException e) {
                            nanos[k] = System.nanoTime() - t0;
                            failed.incrementAndGet();
                            if (problems.size() < 3) problems.add(e.toString());
                        }
                    }
                    return null;
                });
            }
        }
        long wall = System.nanoTime() - start;
        long[] gcAfter = gcTotals();
        return new PhaseResult(
                name,
                clients,
                nanos,
                wall,
                ok.get(),
                notOk.get(),
                failed.get(),
                cached.get(),
                known.get(),
                gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1],
                List.copyOf(problems));
    }

    /** Collections and milliseconds spent in GC so far, over all collectors. */
    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Mean and max of the engine's own caller-history timer (assembly time without HTTP), by source. */
    private void serverSideTimes(HttpClient http, String base) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, double[]> bySource = new LinkedHashMap<>(); // sum, count, max
            for (String line : r.body().split("\n")) {
                Matcher m = METRIC_LINE.matcher(line);
                if (!m.find()) continue;
                Matcher s = SOURCE_LABEL.matcher(m.group(2));
                String source = s.find() ? s.group(1) : "?";
                double[] v = bySource.computeIfAbsent(source, k -> new double[3]);
                double value = Double.parseDouble(m.group(3));
                switch (m.group(1)) {
                    case "sum" -> v[0] += value;
                    case "count" -> v[1] += value;
                    default -> v[2] = Math.max(v[2], value);
                }
            }
            System.out.println();
            System.out.println("engine-side callcenter.history.lookup.duration (no HTTP; all phases incl. warm-up):");
            for (Map.Entry<String, double[]> e : bySource.entrySet()) {
                double[] v = e.getValue();
                System.out.printf(
                        Locale.ROOT,
                        "  source=%-6s count=%,.0f  mean=%.2f ms  max (recent window)=%.2f ms%n",
                        e.getKey(),
                        v[1],
                        v[1] == 0 ? 0 : v[0] / v[1] * 1000,
                        v[2] * 1000);
            }
        } catch (Exception e) {
            System.out.println("engine-side timer not available: " + e);
        }
    }

    // ---------------------------------------------------------------- memory and machine

    /** Prints memory figures after a GC; returns VmRSS. */
    private String memory(String when, Engine engine, Path h2File, boolean final_) {
        section("Memory " + when);
        System.gc();
        try {
            Thread.sleep(2_000); // G1 returns freed heap to the OS concurrently, after the GC
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> status = procStatus(Path.of("/proc/self/status"));
        String rss = status.getOrDefault("VmRSS", "?");
        String hwm = status.getOrDefault("VmHWM", "?");
        String anon = status.getOrDefault("RssAnon", "?");
        String fileBacked = status.getOrDefault("RssFile", "?");
        System.out.println("JVM process (the whole benchmark JVM: engine + embedded MongoDB-wire server/H2 + load"
                + " generator + HTTP clients; redis-server is a separate process):");
        System.out.printf(
                Locale.ROOT,
                "  VmRSS %s (anonymous %s, file-backed %s)   VmHWM (peak) %s   heap: used after GC %s, committed %s, max %s%n",
                rss,
                anon,
                fileBacked,
                hwm,
                mib(usedHeap()),
                mib(Runtime.getRuntime().totalMemory()),
                mib(Runtime.getRuntime().maxMemory()));
        StringBuilder pools = new StringBuilder();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
            if (pool.getName().equals("direct") || pool.getName().equals("mapped"))
                pools.append(String.format(
                        Locale.ROOT,
                        "  %s buffers: %,d (%s)",
                        pool.getName(),
                        pool.getCount(),
                        mib(pool.getMemoryUsed())));
        System.out.println(" " + pools);
        String redisRss = redisRss(engine);
        String usedMemory = "?";
        String keys = "?";
        try {
            String info = engine.redis().client().info("memory");
            usedMemory = infoField(info, "used_memory_human");
            System.out.printf(
                    Locale.ROOT,
                    "redis-server (child process): VmRSS %s   INFO used_memory_human %s   used_memory_rss_human %s%n",
                    redisRss,
                    usedMemory,
                    infoField(info, "used_memory_rss_human"));
            keys = String.valueOf(engine.redis().client().dbSize());
            System.out.println("  keys: " + keys);
        } catch (RuntimeException e) {
            System.out.println("redis INFO failed: " + e);
        }
        long h2 = sizeOf(h2File);
        System.out.printf(Locale.ROOT, "H2 data file %s: %s (while open)%n", h2File.getFileName(), mib(h2));
        System.out.printf(
                Locale.ROOT,
                "system load average (1 min): %.2f on %d CPUs (other processes on the machine skew the figures)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (final_) row("redis-server", "RSS " + redisRss + ", used_memory " + usedMemory + ", " + keys + " keys");
        return rss;
    }

    private static String redisRss(Engine engine) {
        try {
            String pid = infoField(engine.redis().client().info("server"), "process_id");
            return procStatus(Path.of("/proc/" + pid + "/status")).getOrDefault("VmRSS", "?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Samples this JVM's VmRSS every 100 ms on a virtual thread; {@link #stop()} returns the highest sample. */
    private static final class RssSampler {
        private volatile boolean running = true;
        private volatile long max;
        private final Thread thread;

        private RssSampler() {
            thread = Thread.ofVirtual().name("rss-sampler").start(() -> {
                while (running) {
                    max = Math.max(max, rssBytes());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static RssSampler start() {
            return new RssSampler();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            return Math.max(max, rssBytes());
        }

        private static long rssBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                    if (line.startsWith("VmRSS:"))
                        return Long.parseLong(
                                        line.substring(6).replace("kB", "").strip())
                                * 1024;
            } catch (IOException | NumberFormatException e) {
                // not Linux
            }
            return -1;
        }
    }

    private static Map<String, String> procStatus(Path file) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0)
                    out.put(
                            line.substring(0, colon),
                            humanKb(line.substring(colon + 1).strip()));
            }
        } catch (IOException e) {
            // not Linux: leave the figures unknown
        }
        return out;
    }

    /** "1234567 kB" → "1205.6 MiB". */
    private static String humanKb(String value) {
        if (!value.endsWith(" kB")) return value;
        try {
            long kb = Long.parseLong(value.substring(0, value.length() - 3).strip());
            return mib(kb * 1024);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String infoField(String info, String field) {
        for (String line : info.split("\r?\n"))
            if (line.startsWith(field + ":"))
                return line.substring(field.length() + 1).strip();
        return "?";
    }

    private void machineInfo() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        String gcs = String.join(
                ", ",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList());
        String java = System.getProperty("java.vm.name") + " " + Runtime.version();
        System.out.printf(
                Locale.ROOT,
                "machine: %d CPUs (%s), %s %s; %s; max heap %s; GC %s%n",
                rt.availableProcessors(),
                cpu,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                java,
                mib(rt.maxMemory()),
                gcs);
        row(
                "Machine",
                String.format(
                        Locale.ROOT,
                        "%d CPUs (%s), %s, max heap %s",
                        rt.availableProcessors(),
                        cpu,
                        "Java " + Runtime.version(),
                        mib(rt.maxMemory())));
    }

    // ---------------------------------------------------------------- output helpers

    private void row(String metric, String value) {
        summary.add(new String[] {metric, value});
    }

    private void printSummary() {
        section("Summary (Markdown, for the README)");
        System.out.println("| Measure | Result |");
        System.out.println("|---|---|");
        List<String[]> rows = new ArrayList<>(summary);
        rows.sort(Comparator.comparingInt(r -> summaryOrder(r[0])));
        for (String[] r : rows) System.out.println("| " + r[0] + " | " + r[1] + " |");
    }

    private static int summaryOrder(String metric) {
        List<String> order = List.of(
                "Data",
                "Load time",
                "Warm lookup",
                "Cold lookup",
                "Responses",
                "Clients",
                "Benchmark JVM RSS",
                "redis-server",
                "H2 data file",
                "Machine");
        for (int k = 0; k < order.size(); k++) if (metric.startsWith(order.get(k))) return k;
        return order.size();
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String mib(long bytes) {
        if (bytes < 0) return "?";
        if (bytes >= 10L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("could not delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
