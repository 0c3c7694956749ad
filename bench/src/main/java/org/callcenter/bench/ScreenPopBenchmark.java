package org.callcenter.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callcenter.Engine;
import org.callcenter.bench.telephony.BareAmiCounter;
import org.callcenter.config.ConfigLoader;
import org.callcenter.telephony.sim.AmiServer;
import org.callcenter.telephony.sim.CallScript;

/**
 * Screen-pop benchmark (prints numbers, asserts nothing). The AMI simulator places {@code rate}
 * queue calls a second for {@code seconds} against one engine; every call rings two of {@code agents}
 * agents, whose consoles are WebSocket clients. Prints pop latency (from the ring events leaving the
 * simulator to the frame arriving at the client) p50/p99/max, AMI events/s handled by the engine
 * versus a bare Asterisk-Java ManagerConnection counting the same stream, process CPU and RSS.
 * Args: [rate=200] [seconds=60] [agents=20] [warm-up seconds=10: same load, not measured].
 * Simulator, engine and clients share one JVM (and the machine's cores).
 */
public final class ScreenPopBenchmark {
    static final String SECRET = "bench-secret";
    static final int FILLER = 20; // VarSet events per call, as real Asterisk sends many

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int agents = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path data = Files.createTempDirectory("cc-bench");
        AmiServer ami = AmiServer.start(0, "engine", SECRET, Clock.systemUTC());
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("MONGODB_DATA_DIR", data.resolve("mongo").toString());
        env.put("REDIS_DATA_DIR", data.resolve("redis").toString());
        env.put("ADMIN_PASSWORD", "bench-admin-password");
        env.put("AUTH_PBKDF2_ITERATIONS", "1000");
        env.put("AMI_HOST", "127.0.0.1");
        env.put("AMI_PORT", String.valueOf(ami.port()));
        env.put("AMI_SECRET", SECRET);
        Engine engine = Engine.start(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC());
        String base = "http://127.0.0.1:" + engine.httpPort();
        Http http = new Http(base);
        String admin = http.login("admin", "bench-admin-password");
        List<String[]> members = new ArrayList<>();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String user = String.format("bench%03d", i);
            String iface = "Local/" + (200 + i) + "@queue-agents/n";
            http.send(
                    "POST",
                    "/api/v1/users",
                    new JsonObject().put("username", user).put("role", "agent").put("password", "bench-agent-password"),
                    admin);
            http.send(
                    "PUT",
                    "/api/v1/agents/" + user,
                    new JsonObject().put("interface", iface).put("queues", new JsonArray().add("support")),
                    admin);
            members.add(new String[] {iface, "Agent " + i});
            sockets.add(console(base, http.login(user, "bench-agent-password"), sent, latencies));
        }
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) callers.add(String.format("1380013%04d", i));
        for (int i = 0; i < 200; i++)
            http.send(
                    "POST",
                    "/api/v1/customers",
                    new JsonObject()
                            .put("name", "Customer " + i)
                            .put("phones", new JsonArray().add(callers.get(i * 5)))
                            .put("region", "other"),
                    admin);
        BareAmiCounter bare = new BareAmiCounter("127.0.0.1", ami.port(), "engine", SECRET);
        while (ami.sessions() < 2) Thread.onSpinWait();

        System.out.printf(
                "running: %d calls/s, %d s warm-up then %d s measured, %d agents (2 ring per call), %d VarSet per call%n",
                rate, warmup, seconds, agents, FILLER);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        CallScript.Ids ids = new CallScript.Ids(Instant.now().getEpochSecond());
        AtomicLong placed = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        long periodNanos = 1_000_000_000L / rate;
        var task = timer.scheduleAtFixedRate(
                () -> {
                    long n = placed.getAndIncrement();
                    String[] a = members.get((int) (n % agents));
                    String[] b = members.get((int) ((n + 1) % agents));
                    CallScript call = new CallScript(
                            ids, "support", callers.get((int) (n % callers.size())), "Caller " + n, List.of(a, b));
                    List<Map<String, String>> ring = call.ring(Instant.now());
                    if (measuring.get()) sent.put(call.linkedId(), System.nanoTime());
                    ring.forEach(ami::emit);
                    for (int v = 0; v < FILLER; v++) ami.emit(varSet(call.linkedId(), v));
                    boolean abandon = n % 10 == 0;
                    timer.schedule(
                            () -> {
                                if (abandon) {
                                    call.abandon(Instant.now()).forEach(ami::emit);
                                    return;
                                }
                                call.answer(Instant.now(), 0).forEach(ami::emit);
                                timer.schedule(
                                        () -> call.hangup(Instant.now(), 0).forEach(ami::emit), 5, TimeUnit.SECONDS);
                            },
                            2,
                            TimeUnit.SECONDS);
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        timer.schedule(() -> {}, warmup, TimeUnit.SECONDS).get();
        long engineEvents0 = engineEvents(http, admin);
        long bare0 = bare.events();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long placed0 = placed.get();
        long t0 = System.nanoTime();
        measuring.set(true);
        timer.schedule(() -> task.cancel(false), seconds, TimeUnit.SECONDS).get();
        measuring.set(false);
        long wall = System.nanoTime() - t0;
        long measuredCalls = placed.get() - placed0;
        long engineEvents = engineEvents(http, admin) - engineEvents0;
        long bareEvents = bare.events() - bare0;
        double cpu = (os.getProcessCpuTime() - cpu0)
                / (double) wall
                / Runtime.getRuntime().availableProcessors()
                * 100;
        timer.schedule(() -> {}, 3, TimeUnit.SECONDS).get(); // let the last pops arrive
        long[] l;
        synchronized (latencies) {
            l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        double secs = wall / 1e9;
        System.out.printf(
                "calls placed (measured): %d in %.1f s (%.0f/s); pops received: %d of %d%n",
                measuredCalls, secs, measuredCalls / secs, l.length, 2 * measuredCalls);
        System.out.printf(
                "screen-pop latency ms: p50 %.2f  p99 %.2f  max %.2f%n",
                pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        System.out.printf(
                "AMI events/s: engine %.0f, bare ManagerConnection %.0f (engine = %.1f%% of bare)%n",
                engineEvents / secs, bareEvents / secs, bareEvents == 0 ? 0 : 100.0 * engineEvents / bareEvents);
        System.out.printf(
                "process CPU: %.0f%% of %d cores (engine + simulator + clients + embedded MongoDB)%n",
                cpu, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "process RSS: %s MiB now, peak %s MiB; redis-server is a separate child process%n",
                rss("VmRSS"), rss("VmHWM"));
        timer.shutdownNow();
        sockets.forEach(ws -> ws.abort());
        bare.close();
        engine.close();
        ami.close();
        System.exit(0);
    }

    static Map<String, String> varSet(String linkedId, int n) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Event", "VarSet");
        f.put("Privilege", "dialplan,all");
        f.put("Channel", "Local/5000@hotline-00000000;2");
        f.put("Uniqueid", linkedId);
        f.put("Linkedid", linkedId);
        f.put("Variable", "BENCH_VAR_" + n);
        f.put("Value", "value " + n);
        return f;
    }

    static WebSocket console(String base, String token, Map<String, Long> sent, List<Long> latencies) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "cc_session=" + token)
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/agent"), new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            long now = System.nanoTime();
                            String s = text.toString();
                            text.setLength(0);
                            if (s.startsWith("{\"type\":\"ringing\"")) {
                                Long t = sent.get(new JsonObject(s).getString("callId"));
                                if (t != null) latencies.add(now - t);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .join();
    }

    static long engineEvents(Http http, String token) {
        long total = 0;
        for (String line : http.get("/metrics", token).split("\n"))
            if (line.startsWith("callcenter_ami_events_total{kind=\"applied\"")
                    || line.startsWith("callcenter_ami_events_total{kind=\"ignored\"")
                    || line.startsWith("callcenter_ami_events_total{kind=\"invalid\""))
                total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        return total;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static String rss(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith(field + ":")) return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
        return "?";
    }

    record Http(String base) {
        static final HttpClient CLIENT = HttpClient.newHttpClient();

        String login(String user, String password) {
            return new JsonObject(send(
                            "POST",
                            "/api/v1/auth/login",
                            new JsonObject().put("username", user).put("password", password),
                            null))
                    .getString("token");
        }

        String get(String path, String token) {
            return send("GET", path, null, token);
        }

        String send(String method, String path, JsonObject body, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body.encode()));
            if (body != null) b.header("Content-Type", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
            try {
                return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
