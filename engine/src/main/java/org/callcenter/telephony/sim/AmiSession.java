package org.callcenter.telephony.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/** One AMI client connection of the simulator: reads actions, answers them, streams events. */
final class AmiSession {
    private static final String CLOSE = "\u0000close";
    private final AmiServer server;
    private final Socket socket;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>(200_000);
    private volatile boolean loggedIn;
    private volatile boolean events = true;
    private volatile boolean frozen;
    private String challenge;

    AmiSession(AmiServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    void freeze() {
        frozen = true;
    }

    boolean loggedIn() {
        return loggedIn && !socket.isClosed();
    }

    void run() {
        server.threads().execute(this::writeLoop);
        send(AmiServer.BANNER + "\r\n");
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0)
                        action.put(
                                line.substring(0, colon).trim().toLowerCase(),
                                line.substring(colon + 1).trim());
                    continue;
                }
                if (action.isEmpty()) continue;
                if (!frozen) answer(action);
                action = new LinkedHashMap<>();
            }
        } catch (IOException e) {
            // client went away
        } finally {
            close();
        }
    }

    private void answer(Map<String, String> a) {
        String name = a.getOrDefault("action", "").toLowerCase();
        String id = a.get("actionid");
        if (!loggedIn && !name.equals("login") && !name.equals("challenge") && !name.equals("logoff")) {
            reply(id, "Error", "Message", "Permission denied");
            return;
        }
        switch (name) {
            case "challenge" -> {
                challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                reply(id, "Success", "Challenge", challenge);
            }
            case "login" -> login(a, id);
            case "command" -> command(a.getOrDefault("command", ""), id);
            case "ping" -> {
                server.pings.incrementAndGet();
                Instant now = server.clock().instant();
                reply(
                        id,
                        "Success",
                        "Ping",
                        "Pong",
                        "Timestamp",
                        now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000));
            }
            case "logoff" -> {
                reply(id, "Goodbye", "Message", "Thanks for all the fish.");
                send(CLOSE);
            }
            case "coresettings" ->
                reply(
                        id,
                        "Success",
                        "AMIversion",
                        "11.0.0",
                        "AsteriskVersion",
                        "22.10.1",
                        "SystemName",
                        "",
                        "CoreMaxCalls",
                        "0");
            case "corestatus" -> coreStatus(id);
            case "coreshowchannels" -> AmiLists.channels(this, server, id);
            case "queuestatus" -> AmiLists.queues(this, server, id);
            case "originate" -> {
                server.originated.add(new LinkedHashMap<>(a));
                if (server.unavailable(a.getOrDefault("channel", "")))
                    reply(id, "Error", "Message", "Originate failed");
                else reply(id, "Success", "Message", "Originate successfully queued");
            }
            case "events" -> {
                events = !"off".equalsIgnoreCase(a.getOrDefault("eventmask", "on"));
                reply(id, "Success", "Events", events ? "On" : "Off");
            }
            default -> reply(id, "Error", "Message", "Invalid/unknown command");
        }
    }

    private void login(Map<String, String> a, String id) {
        boolean ok = server.authenticate(
                a.get("username"), a.get("secret"), a.get("key"), challenge == null ? "" : challenge);
        if (!ok) {
            reply(id, "Error", "Message", "Authentication failed");
            return;
        }
        events = !"off".equalsIgnoreCase(a.getOrDefault("events", "on"));
        reply(id, "Success", "Message", "Authentication accepted");
        loggedIn = true;
        server.logins.incrementAndGet();
        long uptime = Math.max(
                1,
                java.time.Duration.between(
                                server.startedAt.toInstant(ZoneOffset.UTC),
                                server.clock().instant())
                        .toSeconds());
        if (events)
            send(block(fields(
                    "Event",
                    "FullyBooted",
                    "Privilege",
                    "system,all",
                    "Uptime",
                    String.valueOf(uptime),
                    "LastReload",
                    String.valueOf(uptime),
                    "Status",
                    "Fully Booted")));
    }

    private void command(String command, String id) {
        String output = command.trim().equalsIgnoreCase("core show version")
                ? "Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-25 00:21:35 UTC"
                : "No such command '" + command + "' (type 'core show help " + command
                        + "' for other possible commands)";
        reply(id, "Success", "Message", "Command output follows", "Output", output);
    }

    private void coreStatus(String id) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
        reply(
                id,
                "Success",
                "CoreStartupDate",
                server.startedAt.format(date),
                "CoreStartupTime",
                server.startedAt.format(time),
                "CoreReloadDate",
                server.startedAt.format(date),
                "CoreReloadTime",
                server.startedAt.format(time),
                "CoreCurrentCalls",
                String.valueOf(server.channels.size()),
                "CoreProcessedCalls",
                "0");
    }

    void reply(String id, String response, String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Response", response);
        if (id != null) f.put("ActionID", id);
        for (int i = 0; i + 1 < kv.length; i += 2) f.put(kv[i], kv[i + 1]);
        send(block(f));
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) f.put(kv[i], kv[i + 1]);
        return f;
    }

    static String block(Map<String, String> fields) {
        StringBuilder b = new StringBuilder(512);
        for (var e : fields.entrySet())
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        return b.append("\r\n").toString();
    }

    /** An event for this client, if it is logged in and wants events. */
    void event(String text) {
        if (loggedIn && events && !frozen) out.offer(text);
    }

    void send(String text) {
        if (!frozen || text == CLOSE) out.offer(text);
    }

    private void writeLoop() {
        try {
            OutputStream os = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
            while (!socket.isClosed()) {
                String text = out.take();
                if (text == CLOSE) {
                    os.flush(); // the Goodbye before the socket closes
                    break;
                }
                if (frozen) continue;
                os.write(text.getBytes(StandardCharsets.UTF_8));
                if (out.isEmpty()) os.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        } finally {
            close();
        }
    }

    void close() {
        loggedIn = false;
        out.offer(CLOSE);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
