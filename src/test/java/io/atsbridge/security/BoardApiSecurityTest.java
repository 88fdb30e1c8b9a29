package io.atsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.testsupport.TestProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The three doors on one port (test profile): the board API by bearer token with JSON errors, the operator
 * consoles behind a login, health open. Same context annotations as EngineTestBase, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestProvider.class)
class BoardApiSecurityTest {
    static final String TOKEN = "test-token";
    static final String OPERATOR = "ops:ops-pass";
    static final String PROBE = "probe-5c1e9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Answer(int status, JsonNode json, String raw, Map<String, List<String>> headers) { }

    Answer send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = null;
        try {
            n = r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (Exception notJson) {
            // e.g. a login page
        }
        return new Answer(r.statusCode(), n, r.body(), r.headers().map());
    }

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.json()).as(a.raw()).isNotNull();
        assertThat(a.json().path("error").asText()).isEqualTo(code);
        assertThat(a.json().path("message").asText()).isNotBlank();
        assertThat(a.headers().get("content-type")).anySatisfy(ct -> assertThat(ct).startsWith("application/json"));
    }

    /** platform-http would copy request headers onto the answer: neither the token nor any other may come back. */
    private static void assertNoEcho(Answer a) {
        assertThat(a.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Probe") || h.equalsIgnoreCase("Authorization")
                || h.equalsIgnoreCase("companyId"));
        a.headers().values().forEach(v -> assertThat(v).noneMatch(s -> s.contains(PROBE) || s.contains(TOKEN)));
        assertThat(a.raw()).doesNotContain(PROBE).doesNotContain(TOKEN);
    }

    @Test
    void boardApiWithoutTokenIs401Json() throws Exception {
        Answer a = send("GET", "/api/v1/providers", null);
        assertError(a, 401, "unauthorized");
        assertThat(a.headers().get("www-authenticate")).contains("Bearer");
    }

    @Test
    void boardApiWithWrongTokenIs401Json() throws Exception {
        assertError(send("GET", "/api/v1/providers", null, "Authorization", "Bearer not-the-token"), 401, "unauthorized");
        assertError(send("GET", "/api/v1/providers", null, "Authorization", "Bearer " + TOKEN + "x"), 401, "unauthorized");
        assertError(send("GET", "/api/v1/providers", null, "Authorization", basic(OPERATOR)), 401, "unauthorized");
        // a write without a token changes nothing and says so the same way
        assertError(send("PUT", "/api/v1/companies/acme/connection", "{}".getBytes(), "Content-Type", "application/json"), 401, "unauthorized");
    }

    @Test
    void boardApiWithTokenAnswersAndEchoesNoHeader() throws Exception {
        Answer a = send("GET", "/api/v1/providers", null, "Authorization", "Bearer " + TOKEN, "X-Probe", PROBE);
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.json().path("providers").isArray()).isTrue();
        assertThat(a.json().path("providers").findValuesAsText("id")).contains("test");
        assertNoEcho(a);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        Answer a = send("PUT", "/api/v1/companies/acme/connection", "{\"provider\": \"test\",".getBytes(),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json", "X-Probe", PROBE);
        assertError(a, 400, "malformed_json");
        assertThat(a.json().has("field")).isTrue();
        assertNoEcho(a);
        assertError(send("PUT", "/api/v1/companies/acme/connection", "[1,2]".getBytes(),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"), 400, "invalid_request");
        assertError(send("PUT", "/api/v1/companies/acme/connection", new byte[0],
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"), 400, "invalid_request");
    }

    @Test
    void unknownProviderIs400NamingTheField() throws Exception {
        Answer a = send("PUT", "/api/v1/companies/acme-unknown/connection",
                json(Map.of("provider", "workday", "apiKey", "k", "connectedBy", "a@acme.example")),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertError(a, 400, "invalid_request");
        assertThat(a.json().path("field").asText()).isEqualTo("provider");
        assertThat(a.raw()).doesNotContain("\"k\"");
        // nothing was stored
        assertThat(send("GET", "/api/v1/companies/acme-unknown/connection", null, "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
    }

    @Test
    void missingConnectedByIs400NamingTheField() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("provider", "test", "apiKey", "good"));
        Answer a = send("PUT", "/api/v1/companies/acme-nobody/connection", json(body),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertError(a, 400, "invalid_request");
        assertThat(a.json().path("field").asText()).isEqualTo("connectedBy");
        body.put("connectedBy", "   ");
        assertThat(send("PUT", "/api/v1/companies/acme-nobody/connection", json(body),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json").json().path("field").asText()).isEqualTo("connectedBy");
        assertThat(send("GET", "/api/v1/companies/acme-nobody/connection", null, "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aTwoMegabyteBodyIs413() throws Exception {
        byte[] big = new byte[2_000_000];
        Arrays.fill(big, (byte) 'a');
        big[0] = '"';
        big[big.length - 1] = '"';
        Answer a = send("PUT", "/api/v1/companies/acme-big/connection", big,
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json", "X-Probe", PROBE);
        assertError(a, 413, "payload_too_large");
        assertNoEcho(a);
    }

    @Test
    void aTwoMegabyteChunkedBodyWithoutContentLengthIs413() throws Exception {
        Answer a = chunked("PUT", "/api/v1/companies/acme-chunked/connection", "Authorization", "Bearer " + TOKEN);
        assertError(a, 413, "payload_too_large");
        assertNoEcho(a);
    }

    @Test
    void aTwoMegabyteChunkedWebhookIs413() throws Exception {
        Answer a = chunked("POST", "/webhooks/test/con_does_not_exist");
        assertError(a, 413, "payload_too_large");
    }

    /** 2 MB of JSON with no Content-Length: an InputStream publisher makes the client send it chunked. */
    private Answer chunked(String method, String path, String... headers) throws Exception {
        byte[] big = new byte[2_000_000];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Probe", PROBE)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = null;
        try {
            n = r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (Exception notJson) {
            // shown in the assertion message
        }
        return new Answer(r.statusCode(), n, r.body(), r.headers().map());
    }

    @Test
    void hawtioAndJolokiaNeedAnOperatorLogin() throws Exception {
        for (String path : List.of("/actuator/hawtio", "/actuator/hawtio/", "/actuator/jolokia", "/actuator/jolokia/version")) {
            Answer a = send("GET", path, null);
            assertThat(a.status()).as(path).isIn(401, 302);
            if (a.status() == 302) {
                assertThat(a.headers().get("location")).as(path).anySatisfy(l -> assertThat(l).contains("login"));
            }
            // the board's token opens nothing here
            assertThat(send("GET", path, null, "Authorization", "Bearer " + TOKEN).status()).as(path + " with board token").isIn(401, 302);
            assertThat(send("GET", path, null, "Authorization", basic("ops:wrong")).status()).as(path + " wrong password").isIn(401, 302);
        }
        Answer version = send("GET", "/actuator/jolokia/version", null, "Authorization", basic(OPERATOR));
        assertThat(version.status()).as(version.raw()).isEqualTo(200);
        assertThat(version.json().path("value").path("agent").asText()).isNotBlank();

        // Hawtio trusts Spring Security (our HawtioSpringSecurityLoginModule), not an unconfigured JAAS realm
        Answer auth = send("GET", "/actuator/hawtio/auth/config", null, "Authorization", basic(OPERATOR));
        assertThat(auth.status()).as(auth.raw()).isEqualTo(200);
        assertThat(auth.raw()).contains("Spring Security");
    }

    @Test
    void healthAnswersWithoutLogin() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Answer a = send("GET", path, null);
            assertThat(a.status()).as(path + " " + a.raw()).isEqualTo(200);
            assertThat(a.json().path("status").asText()).as(path).isEqualTo("UP");
        }
        // details only for operators
        assertThat(send("GET", "/actuator/health", null).json().has("components")).isFalse();
    }

    @Test
    void webhooksAndSandboxAreNotBehindTheOperatorLogin() throws Exception {
        // an unknown connection is the webhook intake's own 404, not a login prompt
        Answer a = send("POST", "/webhooks/test/con_does_not_exist", "{}".getBytes(), "Content-Type", "application/json");
        assertThat(a.status()).as(a.raw()).isNotIn(302, 403).isIn(401, 404);
        if (a.status() == 401) {
            assertThat(a.json().path("error").asText()).isNotEqualTo("unauthorized");
        }
    }

    private static byte[] json(Object o) throws Exception {
        return JSON.writeValueAsBytes(o);
    }
}
