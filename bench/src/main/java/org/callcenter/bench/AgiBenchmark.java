package org.callcenter.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.callcenter.Engine;
import org.callcenter.config.ConfigLoader;

/**
 * FastAGI benchmark (prints numbers, asserts nothing): simulated callers through the hotline, with
 * a configurable caller mix ({@code -Dmix=status:30,new:60,operator:10}, see {@link CallerMix}),
 * first against the engine (Vert.x NetServer + hotline.yaml, with its store look-ups and trace
 * writes), then against Asterisk-Java's DefaultAgiServer with default settings running the same
 * commands as a hand-written AgiScript. The callers run in a child JVM.
 *
 * <p>System properties: callers (10000), mix (status:30,new:60,operator:10; status:100 is the
 * heaviest path), think.ms (1000), seconds (60), ramp.seconds (20), engine.at (the engine's clock
 * starts at this instant and runs on, default 2026-11-25T10:00:00+08:00, a working hour of the
 * shipped calendar, so "new problem" callers reach the queue; "now" = the real time),
 * callers.loops (event loops of the callers' JVM, 1: it shares the 2 cores with the engine),
 * callers.gc (its collector flag, -XX:+UseZGC), engine.only. The engine runs in this JVM: its
 * collector is this JVM's.
 */
public final class AgiBenchmark {
    public static void main(String[] args) throws Exception {
        int callers = Integer.getInteger("callers", 10_000);
        long think = Long.getLong("think.ms", 1000);
        int seconds = Integer.getInteger("seconds", 60);
        int ramp = Integer.getInteger("ramp.seconds", 20);
        CallerMix mix = CallerMix.parse(System.getProperty("mix", CallerMix.DEFAULT));
        Clock clock = engineClock(System.getProperty("engine.at", "2026-11-25T10:00:00+08:00"));
        Path data = Files.createTempDirectory("agi-bench");
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("AGI_PORT", Integer.toString(BenchSupport.freePort())); // a fixed port: one listener per event loop
        env.put("AGI_HOST", "127.0.0.1");
        env.put("MONGODB_DATA_DIR", data.toString());
        env.put("REDIS_DATA_DIR", data.resolve("redis").toString());
        env.put("ADMIN_PASSWORD", "bench-admin-password");
        env.put("AUTH_PBKDF2_ITERATIONS", "1000");
        env.put("IVR_SCRIPTS_DIR", BenchSupport.scripts().toString());
        System.getenv().forEach((k, v) -> {
            if (k.equals("MONGODB_URI") || k.equals("REDIS_URL")) env.put(k, v);
        });
        System.out.printf(
                "FastAGI benchmark: %d callers, %d ms think time per prompt, %d s (ramp %d s), %d cores, load average %s%n",
                callers, think, seconds, ramp, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(
                "caller mix %s: %.2f AGI commands per call expected (status 10, new 4, operator 4)%n",
                mix.spec(), mix.commandsPerCall());
        System.out.println("engine JVM collector(s): "
                + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .toList()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");

        Map<String, String> ours;
        String ticket;
        String phone = "13800138000";
        boolean open;
        try (Engine engine = Engine.start(ConfigLoader.load(Optional.empty(), env), clock)) {
            open = engine.ivr().openNow();
            System.out.println("engine clock " + clock.instant() + ": business calendar "
                    + (open ? "open (new problems go to the support queue)" : "closed"));
            if (mix.uses(CallerMix.Kind.NEW) && !open)
                throw new IllegalStateException("the mix has 'new' callers but the engine's calendar is closed at "
                        + clock.instant() + ": pick a working hour with -Dengine.at");
            ticket = BenchSupport.seed(engine.httpPort(), phone);
            ours = run(
                    "engine (Vert.x NetServer)",
                    engine.agiPort(),
                    () -> engine.ivr().openSessions(),
                    callers,
                    think,
                    seconds,
                    ramp,
                    ticket,
                    phone,
                    mix);
            System.out.println("engine's counts after the run:");
            BenchSupport.metrics(
                            engine.httpPort(),
                            List.of(
                                    "callcenter_history_lookups_total",
                                    "callcenter_ivr_sessions_total",
                                    "callcenter_ivr_node_errors",
                                    "callcenter_ivr_trace"))
                    .forEach(l -> System.out.println("  " + l));
        }
        if (Boolean.getBoolean("engine.only")) {
            print(ours, new LinkedHashMap<>());
            System.exit(0);
        }
        int port = BenchSupport.freePort();
        DefaultAgiServer theirs =
                new DefaultAgiServer(new HotlineAgiScript(clock.instant().getEpochSecond(), open));
        theirs.setPort(port);
        Thread server = Thread.ofPlatform().daemon().start(() -> {
            try {
                theirs.startup();
            } catch (Exception e) {
                System.err.println("DefaultAgiServer: " + e);
            }
        });
        BenchSupport.waitForPort(port);
        Map<String, String> aj;
        try {
            aj = run(
                    "Asterisk-Java DefaultAgiServer (defaults)",
                    port,
                    HotlineAgiScript.active::get,
                    callers,
                    think,
                    seconds,
                    ramp,
                    ticket,
                    phone,
                    mix);
        } finally {
            theirs.shutdown();
            server.join(5000);
        }
        print(ours, aj);
        System.exit(0);
    }

    private static Map<String, String> run(
            String name,
            int port,
            IntSupplier serverOpen,
            int callers,
            long think,
            int seconds,
            int ramp,
            String ticket,
            String phone,
            CallerMix mix)
            throws Exception {
        System.gc();
        long heapBefore = BenchSupport.heapUsed();
        AtomicLong maxServerOpen = new AtomicLong();
        AtomicLong maxHeap = new AtomicLong();
        AtomicLong maxRss = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    maxServerOpen.accumulateAndGet(serverOpen.getAsInt(), Math::max);
                    maxHeap.accumulateAndGet(BenchSupport.heapUsed(), Math::max);
                    maxRss.accumulateAndGet(BenchSupport.rssKb(), Math::max);
                },
                0,
                250,
                TimeUnit.MILLISECONDS);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Xms512m",
                // low-pause collector: a callers' GC pause would count as engine turnaround
                System.getProperty("callers.gc", "-XX:+UseZGC"),
                "-Dcallers.loops=" + Integer.getInteger("callers.loops", 1),
                "-Dmix=" + mix.spec(),
                "-cp",
                BenchSupport.classpath(),
                AgiCallers.class.getName()));
        cmd.addAll(List.of(
                Integer.toString(port),
                Integer.toString(callers),
                Long.toString(think),
                Integer.toString(seconds),
                Integer.toString(ramp),
                ticket,
                phone));
        System.out.println("running: " + name + " ...");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) result = line.substring(7);
                else if (line.contains("Exception") || line.contains("ERROR")) System.out.println("  callers: " + line);
            }
        }
        p.waitFor();
        sampler.shutdownNow();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("server", name);
        if (result != null)
            Arrays.stream(result.split(" ")).map(kv -> kv.split("=", 2)).forEach(kv -> out.put(kv[0], kv[1]));
        out.put("serverMaxOpen", Long.toString(maxServerOpen.get()));
        out.put("heapMb", Long.toString((maxHeap.get() - heapBefore) / (1024 * 1024)));
        out.put("rssMb", Long.toString(maxRss.get() / 1024));
        out.put("loadAfter", loadAverage().replace(' ', '/'));
        System.out.println("  " + out);
        return out;
    }

    private static void print(Map<String, String> a, Map<String, String> b) {
        String[][] rows = {
            {"caller mix", "mix"},
            {"most concurrent sessions held (server)", "serverMaxOpen"},
            {"most concurrent sessions (callers)", "maxOpen"},
            {"completed calls", "completed"},
            {"  of them status / new / operator", "kinds"},
            {"refused / failed connects", "rejected"},
            {"AGI commands", "commands"},
            {"AGI commands per completed call (flow)", "cmdsPerCall"},
            {"  + Asterisk-Java's SET VARIABLE AJ_AGISTATUS", "ajStatus"},
            {"apologies heard (engine errors) / not found", "faults"},
            {"turnaround, all commands: count", "allN"},
            {"  p50 ms", "allP50"},
            {"  p90 ms", "allP90"},
            {"  p99 ms", "allP99"},
            {"  p99.9 ms", "allP999"},
            {"  max ms (2000 = 2 s or more)", "allMax"},
            {"after steps without store calls: count", "protoN"},
            {"  p50 / p99 / p99.9 ms", "protoQ"},
            {"after the caller look-up (welcome): count", "identifyN"},
            {"  p50 / p99 / p99.9 ms", "identifyQ"},
            {"after the request + SLA look-up: count", "lookupN"},
            {"  p50 / p99 / p99.9 ms", "lookupQ"},
            {"heap growth at peak MB", "heapMb"},
            {"process RSS at peak MB", "rssMb"},
            {"load average (1/5/15 min) after", "loadAfter"},
        };
        for (Map<String, String> m : List.of(a, b)) {
            m.put("kinds", m.get("calls_status") + " / " + m.get("calls_new") + " / " + m.get("calls_operator"));
            m.put("faults", m.get("apologies") + " / " + m.get("notFound"));
            for (String h : List.of("proto", "identify", "lookup"))
                m.put(h + "Q", m.get(h + "P50") + " / " + m.get(h + "P99") + " / " + m.get(h + "P999"));
        }
        System.out.printf("%n%-40s %26s %26s %10s%n", "", "engine (Vert.x)", "DefaultAgiServer", "engine/AJ");
        for (String[] row : rows) {
            String x = a.getOrDefault(row[1], "?");
            String y = b.getOrDefault(row[1], "?");
            System.out.printf("%-40s %26s %26s %10s%n", row[0], x, y, ratio(x, y));
        }
        double secA = Double.parseDouble(a.getOrDefault("seconds", "1"));
        double secB = Double.parseDouble(b.getOrDefault("seconds", "1"));
        double cpsA = Long.parseLong(a.getOrDefault("completed", "0")) / secA;
        double cpsB = Long.parseLong(b.getOrDefault("completed", "0")) / secB;
        System.out.printf(
                "%-40s %26.1f %26.1f %10s%n",
                "completed calls/s", cpsA, cpsB, ratio(Double.toString(cpsA), Double.toString(cpsB)));
        System.out.println("(commands after the caller look-up / request look-up wait for the engine's store work;"
                + " DefaultAgiServer does none there)");
        System.out.println("(RSS is the whole benchmark JVM: both servers ran in it one after the other;"
                + " the callers ran in a child JVM)");
    }

    /** The real clock moved so that it reads {@code at} now ("now" = unmoved); it keeps running. */
    static Clock engineClock(String at) {
        Clock real = Clock.systemUTC();
        if (at.equals("now")) return real;
        return Clock.offset(
                real,
                Duration.between(
                        real.instant(), java.time.OffsetDateTime.parse(at).toInstant()));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String ratio(String x, String y) {
        try {
            double a = Double.parseDouble(x);
            double b = Double.parseDouble(y);
            return b == 0 ? "-" : String.format("%.2fx", a / b);
        } catch (NumberFormatException e) {
            return "-";
        }
    }
}
