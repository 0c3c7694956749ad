package org.callcenter.telephony.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PBX that speaks AMI as Asterisk 22 does (server side, TCP, CRLF), built from the transcripts in
 * {@code shared/fixtures/asterisk}: banner {@code Asterisk Call Manager/11.0.0}, Challenge/Login (MD5
 * key or plain secret), FullyBooted, {@code Command: core show version} with its {@code Output:}
 * line, Ping, Logoff, CoreStatus, CoreShowChannels and QueueStatus answered from the live state
 * that the emitted events build (Newchannel adds a channel, Hangup removes it, ...). Used by the
 * tests, the benchmark and demo mode. Faults on demand: drop connections, freeze (socket open,
 * nothing answered), restart (new start time, channels gone), refuse logins, raw garbage.
 */
public final class AmiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);
    static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final Clock clock;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ami-sim-", 0).factory());
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    final Map<String, Map<String, String>> channels = new ConcurrentHashMap<>();
    final List<Map<String, String>> queueMembers = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    volatile LocalDateTime startedAt;
    volatile boolean refuseLogins;
    /** Every Originate received (its fields, lower-case keys), for tests and the demo. */
    public final java.util.Queue<Map<String, String>> originated = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final Set<String> unavailableChannels = ConcurrentHashMap.newKeySet();

    private AmiServer(String username, String secret, Clock clock, ServerSocket server) {
        this.username = username;
        this.secret = secret;
        this.clock = clock;
        this.server = server;
        this.startedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
    }

    /** Listens on 127.0.0.1:{@code port} (0 = a free port). */
    public static AmiServer start(int port, String username, String secret, Clock clock) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            AmiServer server = new AmiServer(username, secret, clock, socket);
            server.threads.execute(server::acceptLoop);
            log.info("AMI simulator listening on 127.0.0.1:{}", socket.getLocalPort());
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("AMI simulator cannot listen: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(this, socket);
                sessions.add(session);
                threads.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        sessions.remove(session);
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) log.warn("AMI simulator accept failed: {}", e.toString());
            }
        }
    }

    boolean authenticate(String user, String plainSecret, String key, String challenge) {
        if (refuseLogins || !username.equals(user)) return false;
        if (plainSecret != null) return secret.equals(plainSecret);
        return key != null && key.equalsIgnoreCase(AmiSession.md5(challenge + secret));
    }

    ExecutorService threads() {
        return threads;
    }

    Clock clock() {
        return clock;
    }

    /** Sends one event block (fields in order) to every logged-in session that wants events. */
    public void emit(Map<String, String> fields) {
        track(fields);
        String block = AmiSession.block(fields);
        for (AmiSession s : sessions) s.event(block);
    }

    /** Sends raw text as-is (garbage, truncated lines) to every logged-in session. */
    public void emitRaw(String text) {
        for (AmiSession s : sessions) s.event(text);
    }

    private void track(Map<String, String> f) {
        String event = f.getOrDefault("Event", "");
        String id = f.get("Uniqueid");
        if (id == null) return;
        switch (event) {
            case "Newchannel" -> channels.put(id, new LinkedHashMap<>(f));
            case "Hangup" -> channels.remove(id);
            case "Newexten" ->
                channels.computeIfPresent(id, (k, ch) -> {
                    ch.put("Application", f.getOrDefault("Application", ""));
                    ch.put("ApplicationData", f.getOrDefault("AppData", ""));
                    return ch;
                });
            case "BridgeEnter" ->
                channels.computeIfPresent(id, (k, ch) -> {
                    ch.put("BridgeId", f.getOrDefault("BridgeUniqueid", ""));
                    return ch;
                });
            case "NewCallerid" ->
                channels.computeIfPresent(id, (k, ch) -> {
                    ch.put("CallerIDNum", f.getOrDefault("CallerIDNum", ""));
                    ch.put("CallerIDName", f.getOrDefault("CallerIDName", ""));
                    return ch;
                });
            default -> {}
        }
    }

    /** Queue members QueueStatus reports: (queue, name, interface). */
    public void member(String queue, String name, String location) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Queue", queue);
        m.put("Name", name);
        m.put("Location", location);
        queueMembers.add(m);
    }

    /** Originate to this channel answers "Originate failed" (the phone is off or unreachable). */
    public void channelUnavailable(String channel) {
        unavailableChannels.add(channel);
    }

    boolean unavailable(String channel) {
        return unavailableChannels.contains(channel);
    }

    public int sessions() {
        return (int) sessions.stream().filter(AmiSession::loggedIn).count();
    }

    public int logins() {
        return logins.get();
    }

    public int liveChannels() {
        return channels.size();
    }

    /** Closes every client connection (a network drop); the server keeps listening. */
    public void dropConnections() {
        for (AmiSession s : sessions) s.close();
    }

    /** The current connections stay open but answer and send nothing more (a dead peer); new ones work. */
    public void freeze() {
        for (AmiSession s : sessions) s.freeze();
    }

    public void refuseLogins(boolean on) {
        refuseLogins = on;
    }

    /** Asterisk restarted: connections drop, every channel is gone, the start time changes. */
    public void restart() {
        channels.clear();
        startedAt = startedAt.plusSeconds(1).isAfter(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                ? startedAt.plusSeconds(1)
                : LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        dropConnections();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropConnections();
        threads.shutdownNow();
    }
}
