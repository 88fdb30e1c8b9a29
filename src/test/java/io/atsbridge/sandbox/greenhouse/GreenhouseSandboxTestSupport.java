package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real-HTTP helpers shared by the sandbox contract tests (same Spring context for all of them). */
abstract class GreenhouseSandboxTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OBO = "integrations@demo.example";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    String base() {
        return "http://127.0.0.1:" + port + "/sandbox/greenhouse";
    }

    static String newKey() {
        return "sandbox-test-" + UUID.randomUUID();
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> call(String method, String path, String key, String onBehalfOf, String body) {
        try {
            return callRaw(method, path, key, onBehalfOf, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    HttpResponse<String> callRaw(String method, String path, String key, String onBehalfOf, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", basic(key));
        }
        if (onBehalfOf != null) {
            b.header("On-Behalf-Of", onBehalfOf);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<String> get(String path, String key) {
        return call("GET", path, key, OBO, null);
    }

    HttpResponse<String> post(String path, String key, String body) {
        return call("POST", path, key, OBO, body);
    }

    HttpResponse<String> control(String method, String path, String key, String body) {
        return call(method, "/_control" + path, key, null, body);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    static JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }
}
