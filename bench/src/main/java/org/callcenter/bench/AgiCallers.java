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

/**
 * Simulated callers playing Asterisk's side of FastAGI (as in the captured transcript), run in
 * their own JVM so that client and server sockets do not share one file-descriptor limit. Each
 * caller calls the hotline, does what its call's kind in the mix ({@code -Dmix}, see {@link
 * CallerMix}) asks, and calls again at once. Every prompt (STREAM FILE, GET DATA, SAY) is answered
 * after the caller's think time; {@code GET VARIABLE CHANNEL(linkedid)} gets the call's own unique
 * id, as on a real Asterisk. Prints one line: {@code RESULT key=value ...}.
 *
 * <p>args: port callers thinkMillis durationSeconds rampSeconds ticket phone
 */
public final class AgiCallers {
    /** Every command's turnaround (reply sent to the next command received), after the ramp. */
    private final Histogram all = new Histogram();
    /** Turnarounds of commands that follow a step with no store call (the FastAGI path alone). */
    private final Histogram protocolOnly = new Histogram();
    /** The command after the welcome prompt: the engine's caller look-up (Redis-cached history) ends there. */
    private final Histogram afterIdentify = new Histogram();
    /** The command after the request number: the engine's request + SLA clock look-up. */
    private final Histogram afterLookup = new Histogram();

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong apologies = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong unknownCommands = new AtomicLong();
    /** Asterisk-Java's own SET VARIABLE AJ_AGISTATUS after each script (not part of the hotline flow). */
    private final AtomicLong frameworkCommands = new AtomicLong();

    private final AtomicLong[] callsOf = new AtomicLong[CallerMix.Kind.values().length];
    private final AtomicLong[] commandsOf = new AtomicLong[CallerMix.Kind.values().length];
    private final AtomicLong seq = new AtomicLong();
    private final Vertx vertx;
    private final NetClient client;
    private final int port;
    private final long think;
    private final String ticket;
    private final String phone;
    private final CallerMix mix;
    private volatile long endAt;
    private volatile long measureFrom;

    private AgiCallers(int port, long think, String ticket, String phone, CallerMix mix) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.getInteger("callers.loops", 1)));
        this.client =
                vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(30_000));
        this.port = port;
        this.think = think;
        this.ticket = ticket;
        this.phone = phone;
        this.mix = mix;
        for (int i = 0; i < callsOf.length; i++) {
            callsOf[i] = new AtomicLong();
            commandsOf[i] = new AtomicLong();
        }
    }

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        int callers = Integer.parseInt(a[1]);
        CallerMix mix = CallerMix.parse(System.getProperty("mix", CallerMix.DEFAULT));
        AgiCallers run = new AgiCallers(port, Long.parseLong(a[2]), a[5], a[6], mix);
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
        StringBuilder kinds = new StringBuilder();
        long calls = 0;
        long cmds = 0;
        for (CallerMix.Kind k : CallerMix.Kind.values()) {
            long n = run.callsOf[k.ordinal()].get();
            long c = run.commandsOf[k.ordinal()].get();
            calls += n;
            cmds += c;
            kinds.append(String.format(
                    " calls_%s=%d cmdsPerCall_%s=%.2f", k.label(), n, k.label(), n == 0 ? 0.0 : (double) c / n));
        }
        System.out.printf(
                "RESULT mix=%s maxOpen=%d completed=%d rejected=%d commands=%d seconds=%.1f cmdsPerCall=%.2f"
                        + " apologies=%d notFound=%d unknownCommands=%d ajStatus=%d%s %s %s %s %s%n",
                mix.spec(),
                run.maxOpen.get(),
                run.completed.get(),
                run.rejected.get(),
                run.commands.get(),
                seconds,
                calls == 0 ? 0.0 : (double) cmds / calls,
                run.apologies.get(),
                run.notFound.get(),
                run.unknownCommands.get(),
                run.frameworkCommands.get(),
                kinds,
                run.all.result("all"),
                run.protocolOnly.result("proto"),
                run.afterIdentify.result("identify"),
                run.afterLookup.result("lookup"));
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

    private final class Call {
        private final NetSocket socket;
        private final CountDownLatch done;
        private final long n = seq.incrementAndGet();
        private final CallerMix.Kind kind = mix.of(n);
        private final String uniqueId = "bench." + ProcessHandle.current().pid() + "." + n;
        private Buffer partial = Buffer.buffer();
        private long lastSent;
        private int seen;
        private int framework;
        private String previous = "";

        Call(NetSocket socket, CountDownLatch done) {
            this.socket = socket;
            this.done = done;
        }

        void start() {
            socket.handler(this::data);
            socket.closeHandler(v -> ended());
            String env = "agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1:4573/hotline\n"
                    + "agi_channel: Local/4000@hotline-" + n + ";2\nagi_language: en\nagi_type: Local\n"
                    + "agi_uniqueid: " + uniqueId + "\nagi_version: 22.10.1\n"
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
                all.add(micros);
                if (previous.contains("cc-welcome")) afterIdentify.add(micros);
                else if (previous.contains("cc-enter-request-number")) afterLookup.add(micros);
                else protocolOnly.add(micros);
            }
            previous = line;
            commands.incrementAndGet();
            if (seen++ == 0) maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            String c = line.replace("\"", "");
            if (c.contains("cc-sorry-technical-problem")) apologies.incrementAndGet();
            if (c.contains("cc-request-not-found")) notFound.incrementAndGet();
            if (c.startsWith("SET VARIABLE AJ_AGISTATUS")) {
                framework++;
                frameworkCommands.incrementAndGet();
            }
            String reply;
            boolean prompt = true;
            if (c.startsWith("GET DATA cc-hotline-menu")) reply = "200 result=" + kind.key;
            else if (c.startsWith("GET DATA cc-enter-request-number")) reply = "200 result=" + ticket;
            else if (c.startsWith("GET DATA")) reply = "200 result= (timeout)";
            else if (c.startsWith("STREAM FILE")) reply = "200 result=0 endpos=8000";
            else if (c.startsWith("SAY")) reply = "200 result=0";
            else {
                prompt = false;
                if (c.startsWith("GET VARIABLE CHANNEL(linkedid)")) reply = "200 result=1 (" + uniqueId + ")";
                else if (c.startsWith("GET VARIABLE")) reply = "200 result=0";
                else if (c.startsWith("SET VARIABLE") || c.startsWith("HANGUP")) reply = "200 result=1";
                else {
                    unknownCommands.incrementAndGet();
                    reply = "510 Invalid or unknown command";
                }
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
            callsOf[kind.ordinal()].incrementAndGet();
            commandsOf[kind.ordinal()].addAndGet(seen - framework);
            call(done);
        }
    }
}
