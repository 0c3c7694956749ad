package org.callcenter.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The SDK's HTTP client, replaced: requests go to {@code TWILIO_API_BASE} when set (a fake, Prism or a
 * proxy), and a request is made exactly once. The SDK's own client silently retries on 5xx, which for
 * a POST to Messages could send the same SMS twice; retrying is the outbox's job, after reconciling.
 */
final class TwilioHttp extends HttpClient {
    private final String apiBase;
    private final java.net.http.HttpClient http;
    private final Duration timeout;

    TwilioHttp(String apiBase, Duration timeout) {
        this.apiBase = apiBase == null ? "" : apiBase.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** No retries here, whatever the status: see the class comment. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI uri = target(request.constructURL());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (request.getUsername() != null) {
            String token = request.getUsername() + ":" + request.getPassword();
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (request.getMethod() == HttpMethod.POST) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            b.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.body(), r.statusCode());
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted", e);
        }
    }

    private URI target(URL sdkUrl) {
        if (apiBase.isEmpty()) return URI.create(sdkUrl.toString());
        String pathAndQuery = sdkUrl.getFile();
        return URI.create(apiBase + pathAndQuery);
    }
}
