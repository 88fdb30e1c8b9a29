package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Each injectable fault, tripped over real HTTP; the control API itself never fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseSandboxFaultsContractTest extends GreenhouseSandboxTestSupport {

    private void faults(String key, String json) {
        ok(control("PUT", "/faults", key, json));
    }

    @Test
    void errorRateGivesDocumented5xxAndSparesTheControlApi() {
        String key = newKey();
        ok(get("/v1/partner/jobs", key));
        faults(key, "{\"errorRate\":1.0,\"errorStatus\":503}");
        HttpResponse<String> r = get("/v1/partner/jobs", key);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("errors").get(0).get("message").isTextual()).isTrue();
        String token = ok(control("GET", "/account", key, null)).get("board_token").asText();
        assertThat(call("GET", "/v1/boards/" + token + "/jobs", null, null, null).statusCode()).isEqualTo(503);
        assertThat(control("GET", "/faults", key, null).statusCode()).isEqualTo(200);
        // other accounts are not affected
        assertThat(get("/v1/partner/jobs", newKey()).statusCode()).isEqualTo(200);
        ok(control("DELETE", "/faults", key, null));
        assertThat(get("/v1/partner/jobs", key).statusCode()).isEqualTo(200);
        assertThat(control("PUT", "/faults", key, "{\"errorRate\":2}").statusCode()).isEqualTo(400);
    }

    @Test
    void rateLimitStormAnswers429WithRetryAfterSeconds() {
        String key = newKey();
        ok(get("/v1/partner/current_user", key));
        faults(key, "{\"rateLimitStorm\":2,\"retryAfterSeconds\":3}");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = get("/v1/partner/jobs", key);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            long reset = Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertThat(reset).isGreaterThan(System.currentTimeMillis() / 1000);
        }
        assertThat(get("/v1/partner/jobs", key).statusCode()).isEqualTo(200);
    }

    @Test
    void slowResponses() {
        String key = newKey();
        ok(get("/v1/partner/current_user", key));
        faults(key, "{\"slowMs\":700}");
        long t0 = System.nanoTime();
        ok(get("/v1/partner/current_user", key));
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(700);
    }

    @Test
    void resetBreaksTheConnectionWithoutAnAnswer() throws Exception {
        String key = newKey();
        ok(get("/v1/partner/current_user", key));
        faults(key, "{\"resetNext\":1}");
        assertThatThrownBy(() -> callRaw("GET", "/v1/partner/jobs", key, OBO, null)).isInstanceOf(IOException.class);
        assertThat(get("/v1/partner/jobs", key).statusCode()).isEqualTo(200);
    }

    @Test
    void commitThenDropCreatesTheCandidateButTheCallerNeverHearsBack() throws Exception {
        String key = newKey();
        ok(get("/v1/partner/current_user", key));
        faults(key, "{\"commitThenDrop\":1}");
        ok(get("/v1/partner/jobs", key));   // reads are not writes: unaffected
        assertThatThrownBy(() -> callRaw("POST", "/v1/partner/candidates", key, OBO,
                "{\"first_name\":\"Lost\",\"last_name\":\"Answer\",\"external_id\":\"dropped-1\"}"))
                .isInstanceOf(IOException.class);
        JsonNode found = ok(control("GET", "/candidates?external_id=dropped-1", key, null));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("name").asText()).isEqualTo("Lost Answer");
        assertThat(ok(control("GET", "/faults", key, null)).get("commitThenDrop").asInt()).isZero();
    }

    @Test
    void generatedJobsAreImportableThroughTheRealPaths() {
        String key = newKey();
        JsonNode gen = ok(control("POST", "/jobs/generate", key, "{\"n\":300}"));
        assertThat(gen.get("created").asInt()).isEqualTo(300);
        assertThat(ok(get("/v1/partner/jobs", key))).hasSize(322);
        String token = ok(control("GET", "/account", key, null)).get("board_token").asText();
        JsonNode board = ok(call("GET", "/v1/boards/" + token + "/jobs?content=true", null, null, null));
        assertThat(board.get("meta").get("total").asInt()).isEqualTo(321);
        assertThat(control("POST", "/jobs/generate", key, "{\"n\":0}").statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodyIs413() {
        String key = newKey();
        String big = "{\"first_name\":\"" + "x".repeat(2_200_000) + "\",\"last_name\":\"B\",\"external_id\":\"big\"}";
        assertThat(post("/v1/partner/candidates", key, big).statusCode()).isEqualTo(413);
    }

    @Test
    void accountsAndKeys() {
        JsonNode acc = ok(control("POST", "/accounts", null, null));
        String key = acc.get("key").asText();
        assertThat(key).startsWith("sandbox-");
        assertThat(acc.get("board_token").asText()).startsWith("demo");
        String second = ok(control("POST", "/keys", key, null)).get("key").asText();
        assertThat(ok(control("GET", "/account", second, null)).get("account").asInt()).isEqualTo(acc.get("account").asInt());
        ok(control("POST", "/keys/revoke", key, "{\"key\":\"" + second + "\"}"));
        assertThat(get("/v1/partner/current_user", second).statusCode()).isEqualTo(401);
        assertThat(get("/v1/partner/current_user", key).statusCode()).isEqualTo(200);
        assertThat(control("GET", "/account", "not-a-sandbox-key", null).statusCode()).isEqualTo(401);
    }
}
