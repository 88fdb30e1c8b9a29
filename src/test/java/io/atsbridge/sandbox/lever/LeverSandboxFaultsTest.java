package io.atsbridge.sandbox.lever;

import static io.atsbridge.sandbox.lever.LeverShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults and Lever's own rate limit (lever.md 5, 12.7), each tripped over real HTTP. */
class LeverSandboxFaultsTest extends LeverSandboxTestBase {
    private String auth;

    @BeforeEach
    void account() throws Exception {
        auth = basic(newAccountKey());
    }

    private Res faults(String spec) throws Exception {
        Res r = send("PUT", "/_control/faults", auth, spec);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void serverErrorsAtTheConfiguredRate() throws Exception {
        faults("{\"errorRate\":1.0}");
        Res r = get("/v1/postings", auth);
        assertThat(r.status()).isEqualTo(500);
        assertShape(r.json(), "error");
        assertThat(r.json().get("code").asText()).isEqualTo("InternalServerError");
        faults("{\"errorStatus\":503}");
        Res m = get("/v1/stages", auth);
        assertThat(m.status()).isEqualTo(503);
        assertThat(m.json().get("code").asText()).isEqualTo("ServiceUnavailable");
        faults("{\"errorRate\":0.5,\"errorStatus\":500}");
        int errors = 0;
        for (int i = 0; i < 60; i++) if (get("/v1/stages", auth).status() == 500) errors++;
        assertThat(errors).isBetween(10, 50);
        send("DELETE", "/_control/faults", auth, null);
        assertThat(get("/v1/postings", auth).status()).isEqualTo(200);
    }

    @Test
    void rateLimitStormWithRetryAfter() throws Exception {
        faults("{\"rateLimitStorm\":3,\"retryAfterSeconds\":2}");
        for (int i = 0; i < 3; i++) {
            Res r = get("/v1/postings", auth);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("2");
            assertShape(r.json(), "error");
            assertThat(r.json().get("code").asText()).isEqualTo("TooManyRequests");
        }
        assertThat(get("/v1/postings", auth).status()).isEqualTo(200);
    }

    @Test
    void slowResponses() throws Exception {
        faults("{\"slowMs\":400}");
        long t0 = System.nanoTime();
        assertThat(get("/v1/stages", auth).status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void connectionResetGivesTheClientAnIoError() throws Exception {
        faults("{\"resetNext\":1}");
        assertThatThrownBy(() -> get("/v1/postings", auth)).isInstanceOf(IOException.class);
        assertThat(get("/v1/postings", auth).status()).isEqualTo(200);
    }

    @Test
    void commitThenDropAppliesTheWriteButLosesTheAnswer() throws Exception {
        String performAs = get("/v1/users?email=integrations@demo.example", auth).json().get("data").get(0).get("id").asText();
        faults("{\"commitThenDrop\":1}");
        // reads are not writes: they pass untouched
        assertThat(get("/v1/postings?limit=1", auth).status()).isEqualTo(200);
        assertThatThrownBy(() -> send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"Lost Answer\",\"emails\":[\"lost@example.com\"]}")).isInstanceOf(IOException.class);
        // the ATS did create it: a retry that looks up by email first finds it
        Res found = get("/v1/opportunities?email=lost@example.com", auth);
        assertThat(found.json().get("data")).hasSize(1);
        assertThat(found.json().get("data").get(0).get("name").asText()).isEqualTo("Lost Answer");
        String id = found.json().get("data").get(0).get("id").asText();
        faults("{\"commitThenDrop\":1}");
        assertThatThrownBy(() -> send("PUT", "/v1/opportunities/" + id + "/stage", auth, "{\"stage\":\"offer\"}"))
                .isInstanceOf(IOException.class);
        assertThat(get("/v1/opportunities/" + id, auth).json().get("data").get("stage").asText()).isEqualTo("offer");
    }

    @Test
    void badFaultSpecsAreRefused() throws Exception {
        assertThat(send("PUT", "/_control/faults", auth, "{\"errorRate\":1.5}").status()).isEqualTo(400);
        assertThat(send("PUT", "/_control/faults", auth, "{\"errorStatus\":404}").status()).isEqualTo(400);
        assertThat(send("PUT", "/_control/faults", auth, "{\"resetNext\":-1}").status()).isEqualTo(400);
        assertThat(send("PUT", "/_control/faults", null, "{\"resetNext\":1}").status()).isEqualTo(401);
    }

    @Test
    void tokenBucketPerKeyAllowsBurstsOfTwentyThen429() throws Exception {
        send("PUT", "/_control/settings", auth, "{\"rateLimitDisabled\":false}");
        List<CompletableFuture<java.net.http.HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(root() + "/v1/stages")).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int limited = 0;
        for (CompletableFuture<java.net.http.HttpResponse<String>> f : burst) {
            java.net.http.HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) ok++;
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).as("Lever documents no Retry-After").isEmpty();
                assertThat(r.body()).contains("\"code\":\"TooManyRequests\"");
            }
        }
        assertThat(ok + limited).isEqualTo(40);
        assertThat(ok).isBetween(20, 30); // 20 burst plus what refills at 10/s while the burst is served
        assertThat(limited).isGreaterThanOrEqualTo(10);
        // the bucket is per key: another key of the same account still has its burst
        String second = send("POST", "/_control/keys", auth, null).json().get("apiKey").asText();
        assertThat(get("/v1/stages", basic(second)).status()).isEqualTo(200);
        Thread.sleep(1100);
        assertThat(get("/v1/stages", auth).status()).as("refilled after a second").isEqualTo(200);
    }
}
