package io.atsbridge.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A tiny client for the board API and webhooks of a running test application. */
public class ApiClient {
    public static final String TOKEN = "test-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, String raw) { }

    public Response call(String method, String path, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body instanceof byte[] b ? b : body instanceof String s ? s.getBytes() : json.writeValueAsBytes(body);
            return send(method, path, bytes, Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, byte[] body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = null;
            try {
                n = r.body().isEmpty() ? null : json.readTree(r.body());
            } catch (Exception notJson) {
                // some answers are not JSON: keep the raw text
            }
            return new Response(r.statusCode(), n, r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
