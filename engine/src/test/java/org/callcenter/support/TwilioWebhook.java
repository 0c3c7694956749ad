package org.callcenter.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Twilio calling the engine's webhooks: form-encoded POSTs signed as Twilio signs them
 * (HMAC-SHA1 with the auth token over the public URL followed by each parameter name and value,
 * sorted by name, base64), written here from Twilio's documentation rather than taken from the SDK.
 */
public final class TwilioWebhook {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String engineBase;
    private final String publicBase;
    private final String authToken;

    public TwilioWebhook(String engineBase, String publicBase, String authToken) {
        this.engineBase = engineBase;
        this.publicBase = publicBase;
        this.authToken = authToken;
    }

    public record Answer(int status, String body) {}

    public static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Signed correctly. */
    public Answer post(String path, Map<String, String> params) {
        return raw(
                path, form(params).getBytes(StandardCharsets.UTF_8), signature(authToken, publicBase + path, params));
    }

    /** Any body, any signature (null = no header). */
    public Answer raw(String path, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(engineBase + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) b.header("X-Twilio-Signature", signature);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
