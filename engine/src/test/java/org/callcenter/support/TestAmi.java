package org.callcenter.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.Timers;
import org.callcenter.telephony.Telephony;
import org.callcenter.telephony.sim.AmiServer;
import org.callcenter.telephony.sim.DemoPbx;

/** An AMI simulator for tests, the real transcripts as event lists, and engine settings that point at it. */
public final class TestAmi implements AutoCloseable {
    public static final String SECRET = "engine-secret";
    public final AmiServer server;
    public final DemoPbx pbx;

    public TestAmi() {
        server = AmiServer.start(0, "engine", SECRET, Clock.systemUTC());
        pbx = new DemoPbx(server, NO_TIMERS, Clock.systemUTC(), Telephony.DEMO_MEMBERS);
    }

    /** Environment overrides for TestEngine: AMI at this simulator, fast keepalive. */
    public Map<String, String> env() {
        return Map.of(
                "AMI_HOST", "127.0.0.1",
                "AMI_PORT", String.valueOf(server.port()),
                "AMI_SECRET", SECRET,
                "AMI_KEEPALIVE_SECONDS", "1",
                "AMI_RECONNECT_MAX_SECONDS", "1");
    }

    /** The server-sent event blocks of a transcript in test resources (lines sent by the client skipped). */
    public static List<Map<String, String>> transcriptEvents(String name) {
        String text;
        try (InputStream in = TestAmi.class.getResourceAsStream("/fixtures/asterisk/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.replace("\r", "");
            if (line.startsWith(">>>")) continue;
            if (line.isEmpty()) {
                if (block.containsKey("Event")) events.add(block);
                block = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0)
                block.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        if (block.containsKey("Event")) events.add(block);
        return events;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Tests drive every phase themselves. */
    public static final Timers NO_TIMERS = new Timers() {
        @Override
        public long once(Duration delay, Runnable task) {
            throw new UnsupportedOperationException("tests step calls explicitly");
        }

        @Override
        public long every(Duration period, Runnable task) {
            throw new UnsupportedOperationException("tests step calls explicitly");
        }

        @Override
        public void cancel(long id) {}
    };
}
