package org.callcenter.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Simulated callers playing Asterisk's side of FastAGI (as in the captured transcript), run in
 * their own JVM so that client and server sockets do not share one file-descriptor limit. Each
 * caller calls the hotline, presses 2, keys the request number, listens, and calls again at once.
 * Every prompt (STREAM FILE, GET DATA, SAY) is answered after the caller's think time. Prints one
 * line: {@code RESULT key=value ...}.
 *
 * <p>args: port callers thinkMillis durationSeconds rampSeconds ticket phone
 */
public final class AgiCallers {
    private static final int BUCKET_MICROS = 10;
    private static final int BUCKETS = 200_000; // 2 s at 10 µs

    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);
    /** Turnarounds of commands that follow a step with no store call (the FastAGI path alone). */
    private final AtomicLongArray protocolOnly = new AtomicLongArray(BUCKETS + 1);
    /** Turnarounds that include the engine's store work (caller look-up, request + SLA look-up). */
    private final AtomicLongArray withStore = new AtomicLongArray(BUCKETS + 1);

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();
    private final Vertx vertx;
    private final NetClient client;
    private final int port;
    private final long think;
    private final String ticket;
    private final String phone;
    private volatile long endAt;
    private volatile long measureFrom;

    private AgiCallers(int port, long think, String ticket, String phone) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.getInteger("callers.loops", 1)));
        this.client =
                vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(30_000));
        this.port = port;
        this.think = think;
        this.ticket = ticket;
        this.phone = phone;
    }

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        int callers = Integer.parseInt(a[1]);
        AgiCallers run = new AgiCallers(port, Long.parseLong(a[2]), a[5], a[6]);
        long duration = Long.parseLong(a[3]) * 1000;
        long ramp = Long.parseLong(a[4]) * 1000;
        long start = System.currentTimeMillis();
        run.endAt = start + duration;
        run.measureFrom = System.nanoTime() + ramp * 1_000_000L; // turnaround measured after the ramp (warm)
        CountDownLatch done = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            long delay = 1 + ramp * i / callers;
            run.vertx.setTimer(delay, t -> run.call(done));
        }
        // callers stop starting calls at endAt; let the last calls finish
        done.await(duration / 1000 + 120, TimeUnit.SECONDS);
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        System.out.printf(
                "RESULT maxOpen=%d completed=%d rejected=%d commands=%d seconds=%.1f p50=%.3f p99=%.3f max=%.3f"
                        + " protoP50=%.3f protoP99=%.3f storeP50=%.3f storeP99=%.3f%n",
                run.maxOpen.get(),
                run.completed.get(),
                run.rejected.get(),
                run.commands.get(),
                seconds,
                percentile(run.histogram, 0.50),
                percentile(run.histogram, 0.99),
                percentile(run.histogram, 1.0),
                percentile(run.protocolOnly, 0.50),
                percentile(run.protocolOnly, 0.99),
                percentile(run.withStore, 0.50),
                percentile(run.withStore, 0.99));
        System.out.flush();
        run.vertx.close().await();
    }

    private void call(CountDownLatch done) {
        if (System.currentTimeMillis() > endAt) {
            done.countDown();
            return;
        }
        client.connect(port, "127.0.0.1")
                .onSuccess(socket -> new Call(socket, done).start())
                .onFailure(e -> {
                    rejected.incrementAndGet();
                    vertx.setTimer(think, t -> call(done));
                });
    }

    private static double percentile(AtomicLongArray histogram, double p) {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) total += histogram.get(i);
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) return i * BUCKET_MICROS / 1000.0;
        }
        return BUCKETS * BUCKET_MICROS / 1000.0;
    }

    private final class Call {
        private final NetSocket socket;
        private final CountDownLatch done;
        private Buffer partial = Buffer.buffer();
        private long lastSent;
        private int seen;
        private String previous = "";

        Call(NetSocket socket, CountDownLatch done) {
            this.socket = socket;
            this.done = done;
        }

        void start() {
            socket.handler(this::data);
            socket.closeHandler(v -> ended());
            long n = seq.incrementAndGet();
            String env = "agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1:4573/hotline\n"
                    + "agi_channel: Local/4000@hotline-" + n + ";2\nagi_language: en\nagi_type: Local\n"
                    + "agi_uniqueid: bench." + ProcessHandle.current().pid() + "." + n + "\nagi_version: 22.10.1\n"
                    + "agi_callerid: " + phone + "\nagi_calleridname: Bench Caller\nagi_callingpres: 0\n"
                    + "agi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\nagi_dnid: unknown\n"
                    + "agi_rdnis: unknown\nagi_context: hotline\nagi_extension: 4000\nagi_priority: 3\n"
                    + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 139905016317632\n\n";
            lastSent = System.nanoTime();
            socket.write(env);
        }

        private void data(Buffer b) {
            partial.appendBuffer(b);
            int from = 0;
            for (int i = 0; i < partial.length(); i++) {
                if (partial.getByte(i) != '\n') continue;
                command(partial.getString(from, i, "UTF-8"));
                from = i + 1;
            }
            partial = from == partial.length() ? Buffer.buffer() : partial.getBuffer(from, partial.length());
        }

        private void command(String line) {
            long now = System.nanoTime();
            if (now > measureFrom) {
                long micros = (now - lastSent) / 1000;
                int bucket = (int) Math.min(BUCKETS, micros / BUCKET_MICROS);
                histogram.incrementAndGet(bucket);
                boolean store = previous.contains("cc-welcome") || previous.contains("cc-enter-request-number");
                (store ? withStore : protocolOnly).incrementAndGet(bucket);
            }
            previous = line;
            commands.incrementAndGet();
            if (seen++ == 0) maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            String c = line.replace("\"", "");
            String reply;
            boolean prompt = true;
            if (c.startsWith("GET DATA cc-hotline-menu")) reply = "200 result=2";
            else if (c.startsWith("GET DATA cc-enter-request-number")) reply = "200 result=" + ticket;
            else if (c.startsWith("GET DATA")) reply = "200 result= (timeout)";
            else if (c.startsWith("STREAM FILE")) reply = "200 result=0 endpos=8000";
            else if (c.startsWith("SAY")) reply = "200 result=0";
            else {
                prompt = false;
                if (c.startsWith("GET VARIABLE")) reply = "200 result=1 (bench-linked)";
                else if (c.startsWith("SET VARIABLE") || c.startsWith("HANGUP")) reply = "200 result=1";
                else reply = "510 Invalid or unknown command";
            }
            String out = reply + "\n";
            if (prompt)
                vertx.setTimer(think, t -> {
                    lastSent = System.nanoTime();
                    socket.write(out);
                });
            else {
                lastSent = System.nanoTime();
                socket.write(out);
            }
        }

        private void ended() {
            if (seen == 0) {
                rejected.incrementAndGet();
                vertx.setTimer(think, t -> call(done));
                return;
            }
            open.decrementAndGet();
            completed.incrementAndGet();
            call(done);
        }
    }
}
