package org.callcenter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.callcenter.config.ConfigLoader;
import org.callcenter.sms.OutboxMessage;
import org.callcenter.sms.SmsOutbox;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.store.EmbeddedRedis;
import org.callcenter.store.MongoStore;

/**
 * SMS outbox benchmark (prints numbers, asserts nothing). {@code messages} SMS are queued in the
 * outbox (MongoDB), then an engine in a child JVM drains them at {@code rate}/s into a Twilio HTTP
 * fake. After {@code killAfter} have reached the fake the child is killed with SIGKILL and a new
 * engine is started on the same MongoDB and Redis (served by this process, so they outlive it).
 * Prints the sustained send rate before the kill and after the restart, the time to drain after the
 * restart, and duplicates (messages the fake got more than once; each body is unique).
 * Args: [messages=10000] [rate=100] [killAfter=4000].
 */
public final class SmsOutboxBenchmark {
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int killAfter = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        Path data = Files.createTempDirectory("cc-sms-bench");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data.resolve("mongo"));
                EmbeddedRedis redis = EmbeddedRedis.start("", data.resolve("redis"));
                TwilioHttpFake twilio = new TwilioHttpFake()) {
            Map<String, String> env = new HashMap<>();
            env.put("MONGODB_URI", mongo.uri());
            env.put("REDIS_URL", redis.url());
            try (MongoStore store =
                    MongoStore.open(ConfigLoader.load(Optional.empty(), env).mongo())) {
                SmsOutbox outbox = new SmsOutbox(store);
                long t0 = System.nanoTime();
                Instant now = java.time.Clock.systemUTC().instant();
                for (int i = 0; i < messages; i++)
                    outbox.enqueue(OutboxMessage.queued(
                            "bench-" + i, "bench", String.format("+86139%08d", i), "bench message " + i, now));
                System.out.printf("queued %d messages in %.1f s%n", messages, seconds(System.nanoTime() - t0));

                env.put("HTTP_PORT", "0");
                env.put("HTTP_HOST", "127.0.0.1");
                env.put("AGI_PORT", "0");
                env.put("AGI_HOST", "127.0.0.1");
                env.put("ADMIN_PASSWORD", "bench-admin-password");
                env.put("IVR_SCRIPTS_DIR", BenchSupport.scripts().toString());
                env.put("TWILIO_ACCOUNT_SID", TwilioHttpFake.ACCOUNT_SID);
                env.put("TWILIO_AUTH_TOKEN", TwilioHttpFake.AUTH_TOKEN);
                env.put("TWILIO_FROM", TwilioHttpFake.FROM);
                env.put("TWILIO_API_BASE", twilio.base());
                env.put("TWILIO_RATE_PER_SECOND", Integer.toString(rate));
                env.put("PUBLIC_BASE_URL", "http://127.0.0.1:1");

                long firstStart = System.nanoTime();
                Process first = engine(env, data.resolve("engine-1.log"));
                await(() -> twilio.messages().size() >= killAfter, 600, "first engine to send " + killAfter);
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
                first.waitFor();
                long killed = System.nanoTime();
                int atKill = twilio.messages().size();
                Map<String, Long> statusAtKill = statuses(outbox);
                java.util.Set<String> atTwilioBeforeKill = twilio.messages().stream()
                        .map(TwilioHttpFake.Sent::body)
                        .collect(Collectors.toSet());
                List<String> inFlight = outbox.all().stream()
                        .filter(m -> m.status() == org.callcenter.sms.SmsStatus.SENDING)
                        .map(OutboxMessage::body)
                        .toList();
                System.out.printf(
                        "killed the first engine (SIGKILL) after %d sent; outbox then: %s%n", atKill, statusAtKill);

                long restart = System.nanoTime();
                Process second = engine(env, data.resolve("engine-2.log"));
                int notInFlight = messages
                        - (int) inFlight.stream()
                                .filter(b -> !atTwilioBeforeKill.contains(b))
                                .count();
                await(() -> distinct(twilio) >= notInFlight, 900, "the backlog sent after the restart");
                long backlog = System.nanoTime();
                await(() -> distinct(twilio) >= messages, 900, "all messages sent after the restart");
                await(
                        () -> statuses(outbox).getOrDefault("sent", 0L) == messages,
                        300,
                        "every outbox message to be marked sent");
                long drained = System.nanoTime();
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);

                List<TwilioHttpFake.Sent> all = new ArrayList<>(twilio.messages());
                List<TwilioHttpFake.Sent> before = all.subList(0, atKill);
                List<TwilioHttpFake.Sent> after = all.subList(atKill, all.size());
                int duplicates = all.size() - distinct(twilio);
                System.out.println();
                System.out.printf("%-58s %s%n", "messages / configured rate", messages + " / " + rate + " per s");
                System.out.printf(
                        "%-58s %.1f msg/s%n", "sustained rate, first engine (after its first second)", rate(before));
                System.out.printf(
                        "%-58s %.1f msg/s%n", "sustained rate, second engine (after its first second)", rate(after));
                System.out.printf(
                        "%-58s %.1f s%n",
                        "first engine: start to first send",
                        seconds(before.get(0).nanos() - firstStart));
                System.out.printf(
                        "%-58s %.1f s%n",
                        "restart (new JVM) to first send", seconds(after.get(0).nanos() - restart));
                System.out.printf(
                        "%-58s %.1f s (%d messages)%n",
                        "restart to backlog drained (all but those in flight)",
                        seconds(backlog - restart),
                        messages - atKill - inFlight.size());
                System.out.printf(
                        "%-58s %.1f s%n", "restart to outbox drained (in-flight ones too)", seconds(drained - restart));
                System.out.printf(
                        "%-58s %d: %d already at Twilio (reconciled, not resent), %d sent after the restart%n",
                        "in flight at the kill",
                        inFlight.size(),
                        inFlight.stream().filter(atTwilioBeforeKill::contains).count(),
                        inFlight.stream()
                                .filter(b -> !atTwilioBeforeKill.contains(b))
                                .count());
                System.out.printf("%-58s %.1f s%n", "kill to outbox drained", seconds(drained - killed));
                System.out.printf("%-58s %d%n", "messages the fake received", all.size());
                System.out.printf("%-58s %d%n", "duplicates (same body twice)", duplicates);
                System.out.printf("%-58s %s%n", "outbox at the end", statuses(outbox));
                System.out.printf("%-58s %s%n", "protocol problems seen by the fake", twilio.problems());
            }
        }
        System.exit(0);
    }

    private static Process engine(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        BenchSupport.classpath(),
                        "org.callcenter.Main")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int distinct(TwilioHttpFake twilio) {
        return (int) twilio.messages().stream()
                .map(TwilioHttpFake.Sent::body)
                .distinct()
                .count();
    }

    private static Map<String, Long> statuses(SmsOutbox outbox) {
        return new TreeMap<>(outbox.all().stream()
                .collect(Collectors.groupingBy(m -> m.status().wire(), Collectors.counting())));
    }

    /** Messages per second between the end of the first second and the last message of the list. */
    private static double rate(List<TwilioHttpFake.Sent> sent) {
        if (sent.size() < 2) return 0;
        long from = sent.get(0).nanos() + 1_000_000_000L;
        List<TwilioHttpFake.Sent> steady =
                sent.stream().filter(s -> s.nanos() >= from).toList();
        if (steady.size() < 2) return 0;
        return (steady.size() - 1)
                / seconds(steady.get(steady.size() - 1).nanos() - steady.get(0).nanos());
    }

    private static void await(BooleanSupplier done, int limitSeconds, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
