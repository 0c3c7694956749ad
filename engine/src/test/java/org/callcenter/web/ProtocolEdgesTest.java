package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edges a client can trip over: a plain GET on a WebSocket endpoint gets 426 with a reason
 * (not a 500), and the server speaks HTTP/1.1 only, so an h2c upgrade request is answered in HTTP/1.1.
 */
class ProtocolEdgesTest {
    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start(TestRedis.tempDir("mongo"), java.util.Map.of());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void plainGetOnTheAgentSocketIsUpgradeRequired() {
        TestEngine.Response r = engine.send("GET", "/ws/agent", null, engine.adminToken());
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.body()).contains("WebSocket");
        assertThat(r.header("Upgrade")).contains("websocket");
    }

    @Test
    void plainGetOnTheWallboardSocketIsUpgradeRequired() {
        TestEngine.Response r = engine.send("GET", "/ws/wallboard", null, engine.adminToken());
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.body()).contains("WebSocket");
    }

    @Test
    void anH2cUpgradeIsAnsweredInHttp11() throws IOException {
        URI base = URI.create(engine.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            String request = "GET /health HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertThat(statusLine(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) line.append((char) c);
        return line.toString().trim();
    }
}
