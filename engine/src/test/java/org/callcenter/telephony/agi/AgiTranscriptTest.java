package org.callcenter.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.callcenter.support.Await;
import org.callcenter.support.FakeAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FastAGI protocol against the captured transcript of a real Asterisk 22 call, byte for byte. */
class AgiTranscriptTest {
    static Vertx vertx;
    static AgiServer server;
    static final AtomicReference<AgiHandler> handler = new AtomicReference<>();
    static final AtomicInteger open = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = new AgiServer(vertx, (r, c) -> handler.get().handle(r, c), new AgiServer.Observer() {
            public void opened() {
                open.incrementAndGet();
            }

            public void closed(String why) {
                open.decrementAndGet();
            }
        });
        server.start("127.0.0.1", 0, 1)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    /** Sends each command in turn, recording its reply or its failure; stops at a hangup. */
    static AgiHandler sending(List<String> commands, List<Object> results, AtomicReference<AgiRequest> seen) {
        return (request, channel) -> {
            seen.set(request);
            Promise<Void> done = Promise.promise();
            step(channel, commands, 0, results, done);
            return done.future();
        };
    }

    static void step(AgiChannel channel, List<String> commands, int i, List<Object> results, Promise<Void> done) {
        if (i == commands.size()) {
            done.complete();
            return;
        }
        channel.send(commands.get(i)).onComplete(ar -> {
            results.add(ar.succeeded() ? ar.result() : ar.cause());
            if (ar.failed() && ar.cause() instanceof AgiHangupException) done.fail(ar.cause());
            else step(channel, commands, i + 1, results, done);
        });
    }

    @Test
    void replaysTheRealSession() {
        List<String> lines = FakeAsterisk.transcript();
        List<String> commands = new ArrayList<>();
        for (String l : lines) if (l.startsWith(">>")) commands.add(l.substring(3));
        List<Object> results = new CopyOnWriteArrayList<>();
        AtomicReference<AgiRequest> seen = new AtomicReference<>();
        handler.set(sending(commands, results, seen));

        try (FakeAsterisk asterisk = FakeAsterisk.connect(server.port())) {
            // play Asterisk's side exactly: everything "<<" until the server's next ">>" line
            int i = 0;
            while (i < lines.size()) {
                String l = lines.get(i);
                if (l.startsWith("<<")) {
                    asterisk.send(l.length() > 3 ? l.substring(3) : "");
                    i++;
                } else {
                    assertThat(asterisk.next()).isEqualTo(l.substring(3));
                    i++;
                }
            }
            assertThat(asterisk.closedByServer())
                    .as("socket closed after HANGUP")
                    .isTrue();
        }

        AgiRequest r = seen.get();
        assertThat(r.script()).isEqualTo("hotline");
        assertThat(r.uniqueId()).isEqualTo("1795566844.9");
        assertThat(r.callerId()).isEqualTo("13800138000");
        assertThat(r.callerIdName()).isEqualTo("Li Wei");
        assertThat(r.threadId()).isEqualTo("139905016317632");
        assertThat(r.get("agi_dnid")).isEmpty();
        assertThat(r.get("agi_accountcode")).isEmpty();

        assertThat(results).hasSize(commands.size());
        assertThat(reply(results, 0).result()).isEqualTo("0");
        assertThat(reply(results, 1).endpos()).isEqualTo(3520L);
        assertThat(reply(results, 2).resultInt(0)).isEqualTo(-1);
        assertThat(reply(results, 2).endpos()).isZero();
        assertThat(reply(results, 3).result()).isEqualTo("2468");
        assertThat(reply(results, 6).data()).isEqualTo("support");
        assertThat(results.get(7)).isInstanceOf(AgiProtocolException.class);
        assertThat(((Exception) results.get(8)).getMessage()).startsWith("520").contains("End of proper usage");
        assertThat(reply(results, 9).resultInt(0)).isEqualTo(-1);
        assertThat(results.get(10)).isInstanceOf(AgiHangupException.class);
        Await.until("sessions closed", Duration.ofSeconds(5), () -> open.get() == 0);
    }

    static AgiReply reply(List<Object> results, int i) {
        assertThat(results.get(i)).isInstanceOf(AgiReply.class);
        return (AgiReply) results.get(i);
    }

    @Test
    void parsesTimeoutsArgumentsAndQuery() {
        assertThat(AgiReply.parse("200 result= (timeout)").timeout()).isTrue();
        assertThat(AgiReply.parse("200 result= (timeout)").result()).isEmpty();
        assertThat(AgiReply.parse("200 result=12 (timeout)").result()).isEqualTo("12");
        assertThat(AgiReply.parse("200 result=0 endpos=3520").endpos()).isEqualTo(3520L);
        AtomicReference<AgiRequest> seen = new AtomicReference<>();
        handler.set((r, c) -> {
            seen.set(r);
            return Future.succeededFuture();
        });
        Map<String, String> env = FakeAsterisk.env(
                "survey?agent=PJSIP%2F1001&ticket=12345678", Map.of("agi_arg_1", "first arg", "agi_arg_2", "lang=zh"));
        try (FakeAsterisk a = FakeAsterisk.call(server.port(), env)) {
            assertThat(a.closedByServer()).isTrue();
        }
        AgiRequest r = seen.get();
        assertThat(r.script()).isEqualTo("survey");
        assertThat(r.param("agent")).contains("PJSIP/1001");
        assertThat(r.param("ticket")).contains("12345678");
        assertThat(r.args()).containsExactly("first arg", "lang=zh");
        assertThat(r.param("lang")).contains("zh");
    }

    @Test
    void garbageAndMalformedInputCloseTheSessionWithoutLeaks() {
        handler.set((r, c) ->
                c.send("ANSWER").compose(x -> c.send("STREAM FILE beep \"\"")).mapEmpty());
        try (FakeAsterisk a = FakeAsterisk.connect(server.port())) {
            a.send("this is not an environment line");
            assertThat(a.closedByServer()).isTrue();
        }
        try (FakeAsterisk a = FakeAsterisk.call(server.port(), FakeAsterisk.env("hotline", Map.of()))) {
            a.expect("ANSWER");
            a.send("HELLO?");
            assertThat(a.closedByServer()).isTrue();
        }
        try (FakeAsterisk a = FakeAsterisk.call(server.port(), FakeAsterisk.env("hotline", Map.of()))) {
            a.expect("ANSWER");
            a.close(); // caller gone mid-command, no HANGUP line at all
        }
        try (FakeAsterisk a = FakeAsterisk.connect(server.port())) {
            a.raw("agi_network: yes\nagi_request: agi://x/" + "a".repeat(AgiConnection.MAX_LINE + 10) + "\n");
            assertThat(a.closedByServer()).isTrue();
        }
        Await.until(
                () -> "open sessions back to zero, now " + open.get(), Duration.ofSeconds(5), () -> open.get() == 0);
        assertThat(server.openSessions()).isZero();
    }
}
