package io.atsbridge.provider.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for every Lever route test (same annotations → cached): the real app with the Lever
 * sandbox, and the sandbox's OAuth client configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atsbridge.providers.lever.oauth.client-id=sandbox-client",
        "atsbridge.providers.lever.oauth.client-secret=sandbox-client-secret"})
@ActiveProfiles("test")
public abstract class LeverRouteTestBase {
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    @LocalServerPort
    protected int port;

    protected String base() {
        return "http://localhost:" + port;
    }

    protected HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String method, String pathOrUrl, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer test-token");
    }

    protected static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
