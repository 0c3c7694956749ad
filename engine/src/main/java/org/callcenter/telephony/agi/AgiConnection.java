package org.callcenter.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI socket, driven by its event loop: reads the environment block, hands the session to
 * the handler, then matches each command to its reply. Knows the awkward parts of the protocol seen
 * on a real Asterisk: {@code HANGUP} notices between commands or while one is pending, multi-line
 * {@code 520-} usage replies, {@code 511} after hangup, garbage. Closes the socket when the handler
 * is done, after a hangup, or on a protocol fault; reports open/close exactly once.
 */
final class AgiConnection implements AgiChannel {
    private static final Logger log = LoggerFactory.getLogger(AgiConnection.class);
    static final int MAX_LINE = 16 * 1024;
    private static final int MAX_ENV_LINES = 512;
    private static final int MAX_USAGE_LINES = 200;

    /** Told when a socket opens and when it closes (the open-sessions gauge). */
    interface Listener {
        void opened();

        void closed(String why);
    }

    private enum State {
        ENV,
        RUNNING,
        CLOSED
    }

    private final io.vertx.core.Vertx vertx;
    private final long replyTimeoutMillis;
    private long replyTimer = -1;
    private long sentAt;
    private final NetSocket socket;
    private final AgiHandler handler;
    private final Listener listener;
    private final Map<String, String> env = new LinkedHashMap<>();
    private State state = State.ENV;
    private Promise<AgiReply> pending;
    private String pendingCommand;
    private StringBuilder usage;
    private int usageLines;
    private boolean hungUp;
    private Buffer partial;

    /**
     * {@code replyTimeoutMillis}: how long a command may wait for its reply before the peer is taken
     * for dead and the socket closed (a vanished Asterisk must not hold a session forever).
     */
    AgiConnection(
            io.vertx.core.Vertx vertx,
            long replyTimeoutMillis,
            NetSocket socket,
            AgiHandler handler,
            Listener listener) {
        this.vertx = vertx;
        this.replyTimeoutMillis = replyTimeoutMillis;
        this.socket = socket;
        this.handler = handler;
        this.listener = listener;
    }

    void start() {
        listener.opened();
        socket.handler(this::onData);
        socket.exceptionHandler(e -> close("socket error: " + e.getMessage()));
        socket.closeHandler(v -> {
            hungUp = true;
            failPending(new AgiHangupException("socket closed by Asterisk"));
            close("closed by peer");
        });
    }

    /** Splits the stream into lines; a line longer than {@link #MAX_LINE} is a protocol fault. */
    private void onData(Buffer data) {
        int from = 0;
        for (int i = 0; i < data.length() && state != State.CLOSED; i++) {
            if (data.getByte(i) != '\n') continue;
            Buffer line = data.getBuffer(from, i);
            from = i + 1;
            if (partial != null) {
                line = partial.appendBuffer(line);
                partial = null;
            }
            onRecord(line);
        }
        if (from < data.length() && state != State.CLOSED) {
            if (partial == null) partial = Buffer.buffer();
            partial.appendBuffer(data, from, data.length() - from);
            if (partial.length() > MAX_LINE) {
                log.warn("FastAGI: line longer than {} bytes", MAX_LINE);
                close("line too long");
            }
        }
    }

    private void onRecord(Buffer record) {
        if (record.length() > MAX_LINE) {
            close("line too long");
            return;
        }
        String line = record.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        try {
            onLine(line);
        } catch (RuntimeException e) {
            log.warn("FastAGI {}: {}", env.getOrDefault("agi_uniqueid", "?"), e.toString());
            failPending(e);
            close("protocol fault");
        }
    }

    private void onLine(String line) {
        if (state == State.CLOSED) return;
        if (state == State.ENV) {
            envLine(line);
            return;
        }
        if (line.equals("HANGUP")) {
            hungUp = true;
            failPending(new AgiHangupException("caller hung up (HANGUP)"));
            return;
        }
        if (usage != null) {
            usage.append('\n').append(line);
            if (line.startsWith("520 ") || ++usageLines > MAX_USAGE_LINES) {
                String first = usage.substring(4, Math.max(4, usage.indexOf("\n")));
                usage = null;
                failPending(new AgiProtocolException("520 for '" + clip(pendingCommand) + "': " + clip(first) + " … "
                        + clip(line.length() > 4 ? line.substring(4) : line)));
            }
            return;
        }
        if (line.startsWith("520-")) {
            usage = new StringBuilder(line);
            usageLines = 0;
            return;
        }
        if (pending == null) {
            if (!line.isEmpty()) log.debug("FastAGI: unexpected line with no command pending: {}", clip(line));
            return;
        }
        AgiReply reply;
        try {
            reply = AgiReply.parse(line);
        } catch (AgiProtocolException e) {
            // garbage instead of a reply: this command failed, the session may still reach the operator
            log.warn("FastAGI {}: {}", env.getOrDefault("agi_uniqueid", "?"), e.getMessage());
            failPending(e);
            return;
        }
        if (reply.code() == 200) {
            Promise<AgiReply> p = pending;
            pending = null;
            p.complete(reply);
        } else if (reply.code() == 511) {
            hungUp = true;
            failPending(new AgiHangupException("511 dead channel"));
        } else {
            failPending(
                    new AgiProtocolException(reply.code() + " for '" + clip(pendingCommand) + "': " + reply.data()));
        }
    }

    private void envLine(String line) {
        if (line.isEmpty()) {
            state = State.RUNNING;
            runHandler();
            return;
        }
        if (env.size() >= MAX_ENV_LINES) throw new AgiProtocolException("environment block too long");
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.startsWith("agi_")) {
            throw new AgiProtocolException("malformed environment line: '" + clip(line) + "'");
        }
        env.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    private void runHandler() {
        Future<Void> done;
        try {
            done = handler.handle(AgiRequest.of(env), this);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(ar -> {
            if (ar.failed() && !(ar.cause() instanceof AgiHangupException))
                log.warn(
                        "FastAGI session {} failed: {}",
                        env.getOrDefault("agi_uniqueid", "?"),
                        ar.cause().toString());
            close("session done");
        });
    }

    @Override
    public Future<AgiReply> send(String command) {
        if (state == State.CLOSED || hungUp) return Future.failedFuture(new AgiHangupException("channel is gone"));
        if (pending != null) return Future.failedFuture(new IllegalStateException("an AGI command is already pending"));
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0)
            return Future.failedFuture(new IllegalArgumentException("line break inside an AGI command"));
        pending = Promise.promise();
        pendingCommand = command;
        sentAt = System.nanoTime();
        // one lazily re-armed timer per session, not a timer set and cancelled for every command
        if (replyTimeoutMillis > 0 && replyTimer < 0) armReplyTimer(replyTimeoutMillis);
        Future<AgiReply> f = pending.future();
        socket.write(command + "\n");
        return f;
    }

    @Override
    public boolean hungUp() {
        return hungUp || state == State.CLOSED;
    }

    private void armReplyTimer(long millis) {
        replyTimer = vertx.setTimer(Math.max(1, millis), id -> {
            replyTimer = -1;
            if (state == State.CLOSED || pending == null) return; // idle: the next command re-arms
            long waited = (System.nanoTime() - sentAt) / 1_000_000;
            if (waited < replyTimeoutMillis) {
                armReplyTimer(replyTimeoutMillis - waited);
                return;
            }
            log.warn(
                    "FastAGI {}: no reply to '{}' within {} ms; closing",
                    env.getOrDefault("agi_uniqueid", "?"),
                    clip(pendingCommand),
                    replyTimeoutMillis);
            close("reply timeout");
        });
    }

    private void cancelTimer() {
        if (replyTimer >= 0) vertx.cancelTimer(replyTimer);
        replyTimer = -1;
    }

    private void failPending(Throwable cause) {
        Promise<AgiReply> p = pending;
        pending = null;
        if (p != null) p.tryFail(cause);
    }

    void close(String why) {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        cancelTimer();
        failPending(new AgiHangupException("session closed: " + why));
        socket.close();
        listener.closed(why);
    }

    static String clip(String s) {
        if (s == null) return "";
        String t = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        // lines may carry caller IDs: phone numbers are masked in logs
        return org.callcenter.phone.PhoneNumbers.maskDigitsIn(t.replaceAll("\\p{Cntrl}", "?"));
    }
}
