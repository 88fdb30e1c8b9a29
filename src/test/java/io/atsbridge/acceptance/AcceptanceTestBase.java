package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.config.AtsBridgeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end acceptance tests, one class per seed customer, driving the product only through its public HTTP
 * surfaces, as a board's backend does: the board API (bearer {@code test-token}) and the sandbox ATSs (Data/Ingestion
 * APIs and their {@code _control} APIs, which play the recruiter and tell what the ATS holds). Every acceptance class
 * extends this one with no annotation of its own, so they share one cached Spring context.
 *
 * <p>Greenhouse's reconcile window (how long a delivery whose answer was lost waits for the webhook saying what was
 * created, 2 min by default) is shortened so the lost-answer scenario fits the suite's time budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atsbridge.providers.greenhouse.reconcile-window=2s")
@ActiveProfiles("test")
abstract class AcceptanceTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Set<String> FINAL = Set.of("delivered", "failed", "dead");
    /** The On-Behalf-Of user every Greenhouse sandbox account has. */
    static final String GH_USER = "integrations@demo.example";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    private AtsBridgeProperties props;

    /**
     * The test profile's public base URL is {@code http://localhost:${server.port}}, i.e. port 0 under RANDOM_PORT; the
     * real port exists only once the server listens. Point it there, as an operator sets {@code atsbridge.public-base-url},
     * so the webhook URLs the hub hands out (and registers in Lever) reach it.
     */
    @BeforeEach
    void publicBaseUrlIsThisServer() {
        props.setPublicBaseUrl(base());
    }

    record Resp(int status, JsonNode body, String raw) {
        JsonNode path(String field) {
            return body == null ? JSON.missingNode() : body.path(field);
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    // ------------------------------------------------------------------ HTTP

    Resp send(String method, String url, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base() + url))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = null;
            try {
                n = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (IOException notJson) {
                // keep the raw text
            }
            return new Resp(r.statusCode(), n, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The board API with the board's bearer token. */
    Resp api(String method, String path, Object body) {
        return send(method, "/api/v1" + path, body, Map.of("Authorization", "Bearer test-token"));
    }

    /** A board API call that must answer {@code status}; returns its JSON. */
    JsonNode api(String method, String path, Object body, int status) {
        Resp r = api(method, path, body);
        assertThat(r.status()).as(method + " /api/v1" + path + " → " + r.raw()).isEqualTo(status);
        return r.body();
    }

    static Map<String, String> basic(String key) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
    }

    /** A sandbox call (Basic key auth) that must succeed; returns its JSON (an empty object for an empty body). */
    JsonNode sandbox(String key, String method, String path, Object body) {
        Resp r = send(method, path, body, basic(key));
        assertThat(r.status()).as(method + " " + path + " → " + r.raw()).isBetween(200, 299);
        return r.body() == null ? JSON.createObjectNode() : r.body();
    }

    // ------------------------------------------------------------------ board API helpers

    /** Waits until the delivery is final and returns it. */
    JsonNode awaitFinal(String deliveryId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> api("GET", "/deliveries/" + deliveryId, null, 200), d -> FINAL.contains(d.path("status").asText()));
    }

    JsonNode awaitDelivered(String deliveryId) {
        JsonNode d = awaitFinal(deliveryId);
        assertThat(d.path("status").asText()).as("delivery " + d).isEqualTo("delivered");
        return d;
    }

    /** The whole events feed of a company after a cursor (paged through). */
    List<JsonNode> events(String company, long after) {
        List<JsonNode> out = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonNode page = api("GET", "/companies/" + company + "/events?after=" + cursor + "&limit=1000", null, 200);
            page.path("events").forEach(out::add);
            long next = Long.parseLong(page.path("next").asText());
            if (page.path("events").isEmpty() || next == cursor) {
                return out;
            }
            cursor = next;
        }
    }

    List<JsonNode> events(String company, long after, String type) {
        return events(company, after).stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    /** The feed's cursor now: events after it are new. */
    long cursor(String company) {
        List<JsonNode> all = events(company, 0);
        return all.isEmpty() ? 0 : Long.parseLong(all.get(all.size() - 1).path("id").asText());
    }

    List<JsonNode> awaitEvents(String company, long after, String type, Predicate<List<JsonNode>> done) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150)).until(() -> events(company, after, type), done);
    }

    /** The statuses of the {@code application.status_changed} events after a cursor, in feed order. */
    List<String> statuses(String company, long after) {
        return events(company, after, "application.status_changed").stream().map(e -> e.path("data").path("status").asText()).toList();
    }

    List<String> awaitStatuses(String company, long after, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150)).until(() -> statuses(company, after), s -> s.size() >= count);
    }

    /** Waits for the n-th {@code sync.completed} event (any status) of a company and returns it. */
    JsonNode awaitSyncCompleted(String company, int n) {
        return awaitEvents(company, 0, "sync.completed", l -> l.size() >= n).get(n - 1);
    }

    /** Starts an import ("sync now") and waits until its run is final; returns the run. */
    JsonNode syncNow(String company) {
        JsonNode started = api("POST", "/companies/" + company + "/syncs", null, 202);
        assertThat(started.path("alreadyRunning").asBoolean()).as("a sync was still running: " + started).isFalse();
        String id = started.path("syncRunId").asText();
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> api("GET", "/companies/" + company + "/syncs/" + id, null, 200),
                        r -> Set.of("completed", "failed", "suspect").contains(r.path("status").asText()));
    }

    /** Every imported job of a company, by ATS job id. */
    Map<String, JsonNode> jobs(String company, String state) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        api("GET", "/companies/" + company + "/jobs?limit=5000" + (state == null ? "" : "&state=" + state), null, 200)
                .path("jobs").forEach(j -> out.put(j.path("atsJobId").asText(), j));
        return out;
    }

    // ------------------------------------------------------------------ fixtures

    static byte[] transcriptPdf() {
        try (InputStream in = AcceptanceTestBase.class.getResourceAsStream("/fixtures/acceptance/screening-transcript.pdf")) {
            assertThat(in).as("fixture screening-transcript.pdf").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
