package org.callcenter.bench;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcenter.Engine;
import org.callcenter.config.ConfigLoader;
import org.callcenter.metrics.WallboardMeters;
import org.callcenter.wallboard.WallboardEvents;

/**
 * Wallboard benchmark (prints numbers, asserts nothing). {@code viewers} WebSocket clients keep the
 * wallboard open as a supervisor would; the benchmark publishes {@code rate} SMS-failure events a
 * second for {@code seconds} on the engine's event bus, as the SMS domain does. Latency is from
 * the publish to the frame that first contains the event arriving at each client (p50/p99/max over
 * every event × viewer), plus snapshots built, frames sent, and store queries per update (the
 * engine's own {@code callcenter.wallboard.store.queries} meter). Args: [viewers=50] [rate=50]
 * [seconds=30]. Engine and clients share one JVM.
 */
public final class WallboardBenchmark {
    public static void main(String[] args) throws Exception {
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path data = Files.createTempDirectory("cc-bench-wallboard");
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("MONGODB_DATA_DIR", data.resolve("mongo").toString());
        env.put("REDIS_DATA_DIR", data.resolve("redis").toString());
        env.put("ADMIN_PASSWORD", "bench-admin-password");
        env.put("AUTH_PBKDF2_ITERATIONS", "1000");
        env.put("AGI_PORT", "0");
        Engine engine = Engine.start(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC());
        engine.wallboard().seeded().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + engine.httpPort();
        String token = new ScreenPopBenchmark.Http(base).login("admin", "bench-admin-password");

        int events = rate * seconds;
        long[] publishedAt = new long[events];
        long[][] seenAt = new long[viewers][events];
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch allSeen = new CountDownLatch(viewers);
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int v = 0; v < viewers; v++)
            sockets.add(http.newWebSocketBuilder()
                    .header("Cookie", "cc_session=" + token)
                    .buildAsync(
                            URI.create(base.replace("http://", "ws://") + "/ws/wallboard"),
                            new Viewer(seenAt[v], events, frames, allSeen))
                    .get(10, TimeUnit.SECONDS));

        double queriesBefore = queries(engine);
        double pushesBefore = engine.registry().counter(WallboardMeters.PUSHES).count();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i >= events) return;
                    publishedAt[i] = System.nanoTime();
                    engine.vertx()
                            .eventBus()
                            .publish(
                                    WallboardEvents.SMS_FAILED,
                                    new JsonObject()
                                            .put("messageId", "bench-" + i)
                                            .putNull("ticketId")
                                            .put("template", "visit_confirmation")
                                            .put("to", "+8613*******00")
                                            .put("errorCode", 30003)
                                            .put("status", "undelivered")
                                            .put("at", Instant.now().toString()));
                },
                0,
                1_000_000_000L / rate,
                TimeUnit.NANOSECONDS);
        boolean complete = allSeen.await(seconds + 60L, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - started;
        clock.shutdownNow();
        double queries = queries(engine) - queriesBefore;
        double pushes = engine.registry().counter(WallboardMeters.PUSHES).count() - pushesBefore;

        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (long[] seen : seenAt)
            for (int i = 0; i < events; i++)
                if (seen[i] == 0) missing++;
                else latencies.add(seen[i] - publishedAt[i]);
        latencies.sort(Long::compare);
        System.out.printf(
                "wallboard: %d viewers, %d events at %d/s over %.1f s%s%n",
                viewers, events, rate, elapsed / 1e9, complete ? "" : " (TIMED OUT)");
        System.out.printf(
                "latency event -> frame at each viewer (%d samples, %d missing): p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                latencies.size(), missing, pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 1.0));
        System.out.printf(
                "snapshots built %.0f (%.2f per event), frames received %d (%.1f per snapshot)%n",
                pushes, pushes / events, frames.get(), frames.get() / Math.max(1, pushes));
        System.out.printf(
                "store queries during the run %.0f (%.4f per update; the periodic refresh only)%n",
                queries, queries / events);
        System.out.printf("RSS %d MiB%n", BenchSupport.rssKb() / 1024);
        for (WebSocket ws : sockets) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        engine.close();
        System.exit(0);
    }

    static double queries(Engine engine) {
        return engine.registry().find(WallboardMeters.STORE_QUERIES).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    /** Marks every event up to the newest one a frame shows as seen (frames coalesce events). */
    static final class Viewer implements WebSocket.Listener {
        private static final String MARK = "\"messageId\":\"bench-";
        private final long[] seen;
        private final int events;
        private final AtomicInteger frames;
        private final CountDownLatch done;
        private final StringBuilder text = new StringBuilder();
        private int upTo = -1;

        Viewer(long[] seen, int events, AtomicInteger frames, CountDownLatch done) {
            this.seen = seen;
            this.events = events;
            this.frames = frames;
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                long at = System.nanoTime();
                frames.incrementAndGet();
                int i = text.indexOf(MARK); // failures are listed newest first
                if (i >= 0) {
                    int start = i + MARK.length();
                    int end = text.indexOf("\"", start);
                    int newest = Integer.parseInt(text.substring(start, end));
                    for (int e = upTo + 1; e <= newest; e++) seen[e] = at;
                    if (newest > upTo) upTo = newest;
                    if (upTo == events - 1) done.countDown();
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
