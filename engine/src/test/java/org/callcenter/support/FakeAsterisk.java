package org.callcenter.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asterisk's side of a FastAGI session over real TCP, speaking exactly what the captured transcript
 * ({@code ../shared/fixtures/asterisk/agi-session.txt}) shows: the {@code agi_*} block ended by an
 * empty line, one reply line per command, {@code HANGUP} notices, multi-line 520.
 */
public final class FakeAsterisk implements AutoCloseable {
    public static final Path FIXTURES = locate();

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final List<String> received = new ArrayList<>();

    private FakeAsterisk(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(15_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/asterisk");
            if (Files.isDirectory(candidate)) return candidate;
            candidate = p.resolveSibling("shared").resolve("fixtures/asterisk");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return Path.of("/work/shared/fixtures/asterisk");
    }

    /** The transcript's lines ({@code <<} from Asterisk, {@code >>} from the server), prefixes kept. */
    public static List<String> transcript() {
        try {
            return Files.readAllLines(FIXTURES.resolve("agi-session.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment block of the captured call, in order. */
    public static Map<String, String> capturedEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : transcript()) {
            String text = line.substring(Math.min(3, line.length()));
            if (!line.startsWith("<<") || text.isEmpty()) break;
            int colon = text.indexOf(": ");
            env.put(text.substring(0, colon), colon + 2 <= text.length() ? text.substring(colon + 2) : "");
        }
        return env;
    }

    /** The captured env with the script (and its URL) and other values replaced. */
    public static Map<String, String> env(String script, Map<String, String> overrides) {
        Map<String, String> env = capturedEnv();
        env.put("agi_network_script", script);
        env.put("agi_request", "agi://127.0.0.1:4573/" + script);
        env.putAll(overrides);
        return env;
    }

    public static FakeAsterisk connect(int port) {
        try {
            return new FakeAsterisk(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeAsterisk call(int port, Map<String, String> env) {
        FakeAsterisk a = connect(port);
        StringBuilder block = new StringBuilder();
        env.forEach((k, v) -> block.append(k).append(": ").append(v).append('\n'));
        a.raw(block.append('\n').toString());
        return a;
    }

    /** Writes raw text (lines must carry their own '\n'). */
    public FakeAsterisk raw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeAsterisk send(String line) {
        return raw(line + "\n");
    }

    /** The next command the server sent; null when it closed the socket. */
    public String next() {
        try {
            String line = in.readLine();
            if (line != null) received.add(line);
            return line;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server sent nothing for 15 s; so far: " + received);
        } catch (IOException e) {
            return null;
        }
    }

    public String expect(String prefix) {
        String line = next();
        if (line == null || !line.startsWith(prefix))
            throw new AssertionError("expected '" + prefix + "…' but got '" + line + "'; so far: " + received);
        return line;
    }

    /** True when the server closed the socket (reads end of stream) before sending anything else. */
    public boolean closedByServer() {
        return next() == null;
    }

    public List<String> received() {
        return received;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
