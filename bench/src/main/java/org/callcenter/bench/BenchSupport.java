package org.callcenter.bench;

import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers of the FastAGI benchmark: seed data over HTTP, the child JVM's classpath, memory readings. */
final class BenchSupport {
    private BenchSupport() {}

    /** A customer with the caller's number and one open request whose number the callers key. */
    static String seed(int httpPort, String phone) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort + "/api/v1";
        String token = new JsonObject(post(
                        http,
                        base + "/auth/login",
                        null,
                        new JsonObject().put("username", "admin").put("password", "bench-admin-password")))
                .getString("token");
        post(
                http,
                base + "/customers",
                token,
                new JsonObject()
                        .put("name", "Huadong Lubrication")
                        .put("phones", List.of(phone))
                        .put("region", "capital"));
        return new JsonObject(post(
                        http,
                        base + "/tickets",
                        token,
                        new JsonObject()
                                .put("phone", phone)
                                .put("category", "leak")
                                .put("description", "oil leaking at the pump seal")))
                .getString("number");
    }

    /** The engine's own counts (Prometheus lines) whose names start with one of {@code prefixes}. */
    static List<String> metrics(int httpPort, List<String> prefixes) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // a large reply over h2c upgrade is garbled
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return List.of("/metrics -> " + r.statusCode());
            return r.body()
                    .lines()
                    .filter(l -> prefixes.stream().anyMatch(l::startsWith))
                    .toList();
        } catch (Exception e) {
            return List.of("/metrics: " + e);
        }
    }

    static String post(HttpClient http, String url, String token, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static Path scripts() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isRegularFile(p.resolve("ivr-scripts/hotline.yaml"))) return p.resolve("ivr-scripts");
        throw new IllegalStateException("ivr-scripts/ not found");
    }

    static String classpath() {
        if (BenchSupport.class.getClassLoader() instanceof URLClassLoader u && u.getURLs().length > 0)
            return Arrays.stream(u.getURLs())
                    .map(url -> Path.of(URI.create(url.toString())).toString())
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        return System.getProperty("java.class.path");
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("DefaultAgiServer did not listen on " + port);
    }
}
