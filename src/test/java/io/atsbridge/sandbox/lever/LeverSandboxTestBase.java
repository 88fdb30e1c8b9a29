package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Shared plumbing for the Lever simulator's contract tests: real HTTP against the running application, a fresh
 * sandbox account per test class (or per test), and JSON helpers. All subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class LeverSandboxTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    record Res(int status, JsonNode json, String body, HttpResponse<byte[]> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    String root() {
        return "http://localhost:" + port + "/sandbox/lever";
    }

    /** A fresh seeded account through the control API; returns its key. */
    String newAccountKey() throws Exception {
        Res r = send("POST", "/_control/accounts", null, null);
        if (r.status() != 201) throw new AssertionError("account creation failed: " + r.body());
        String key = r.json().get("apiKey").asText();
        // most tests must not trip the 10 rps bucket by accident; the rate-limit test turns it back on
        send("PUT", "/_control/settings", basic(key), "{\"rateLimitDisabled\":true}");
        return key;
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    Res get(String path, String auth) throws Exception {
        return send("GET", path, auth, null);
    }

    Res send(String method, String path, String auth, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(20));
        if (auth != null) b.header("Authorization", auth);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(b.build());
    }

    Res sendForm(String path, String form) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    Res exchange(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(res.body(), StandardCharsets.UTF_8);
        JsonNode node = null;
        if (!body.isBlank() && (body.startsWith("{") || body.startsWith("["))) node = JSON.readTree(body);
        return new Res(res.statusCode(), node, body, res);
    }

    /** A multipart/form-data body; each entry is {name, value} or {name, filename, contentType, bytes}. */
    static final class MultipartBuilder {
        final String boundary = "----lever-test-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        MultipartBuilder field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        MultipartBuilder file(String name, String filename, String type, byte[] bytes) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(bytes);
            write("\r\n");
            return this;
        }

        byte[] build() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    Res sendMultipart(String path, String auth, MultipartBuilder mp) throws Exception {
        return exchange(HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + mp.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mp.build())).build());
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
