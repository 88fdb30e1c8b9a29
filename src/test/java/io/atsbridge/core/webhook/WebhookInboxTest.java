package io.atsbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atsbridge.testsupport.ApiClient;
import io.atsbridge.testsupport.EngineTestBase;
import io.atsbridge.testsupport.TestProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookInboxTest extends EngineTestBase {

    private String secret() {
        return connection.at("/webhook/secret").asText();
    }

    private String path() {
        String url = connection.at("/webhook/url").asText();
        return url.substring(url.indexOf("/webhooks/"));
    }

    private ApiClient.Response post(String body, String signature, String eventId) {
        return api.send("POST", path(), body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Test-Signature", signature, "X-Test-Event-Id", eventId, "Content-Type", "application/json"));
    }

    private void exported(String boardCandidateId, String email) {
        ApiClient.Response r = api.call("POST", "/api/v1/companies/" + company + "/candidates/" + boardCandidateId + "/exports",
                Map.of("firstName", "A", "lastName", "B", "emails", List.of(email)));
        awaitDelivery(r.body().get("deliveryId").asText(), "delivered");
    }

    @Test
    void aSignedStatusChangeBecomesOneEventAndItsReplayNone() {
        exported("c1", "one@example.com");
        String body = "{\"application\":\"app-p1\",\"candidate\":\"p1\",\"kind\":\"STAGE\",\"stage\":\"Phone Screen\"}";
        assertThat(post(body, TestProvider.sign(secret(), body.getBytes(StandardCharsets.UTF_8)), "evt-1").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> eventCount("application.status_changed") == 1);
        com.fasterxml.jackson.databind.JsonNode e = null;
        for (com.fasterxml.jackson.databind.JsonNode ev : events()) {
            if (ev.get("type").asText().equals("application.status_changed")) {
                e = ev.get("data");
            }
        }
        assertThat(e.get("status").asText()).isEqualTo("in_review");
        assertThat(e.get("previousStatus").asText()).isEqualTo("applied");
        assertThat(e.get("boardCandidateId").asText()).isEqualTo("c1");
        assertThat(e.get("atsStage").asText()).isEqualTo("Phone Screen");

        ApiClient.Response replay = post(body, TestProvider.sign(secret(), body.getBytes(StandardCharsets.UTF_8)), "evt-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("status").asText()).isEqualTo("duplicate");
        // the same status again under a new event id is processed but changes nothing
        String again = "{\"application\":\"app-p1\",\"candidate\":\"p1\",\"kind\":\"STAGE\",\"stage\":\"Recruiter Screen\"}";
        post(again, TestProvider.sign(secret(), again.getBytes(StandardCharsets.UTF_8)), "evt-2");
        String hired = "{\"application\":\"app-p1\",\"candidate\":\"p1\",\"kind\":\"HIRED\"}";
        post(hired, TestProvider.sign(secret(), hired.getBytes(StandardCharsets.UTF_8)), "evt-3");
        await().atMost(Duration.ofSeconds(5)).until(() -> eventCount("application.status_changed") == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> eventCount("application.status_changed") == 2);
    }

    @Test
    void aForgedWebhookIs401AndKeptAsRejected() {
        String body = "{\"application\":\"app-p1\",\"kind\":\"HIRED\"}";
        ApiClient.Response r = post(body, TestProvider.sign("wrong-secret", body.getBytes(StandardCharsets.UTF_8)), "evt-9");
        assertThat(r.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select verdict from webhook_receipt where connection_id = ?", String.class,
                connection.get("id").asText())).isEqualTo("rejected");
        ApiClient.Response receipts = api.call("GET", "/api/v1/companies/" + company + "/webhook-receipts", null);
        assertThat(receipts.body().at("/receipts/0/verdict").asText()).isEqualTo("rejected");
    }

    @Test
    void unknownConnectionsAndOversizedBodiesAreRefused() {
        String body = "{}";
        ApiClient.Response unknown = api.send("POST", "/webhooks/test/con_nope", body.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        byte[] big = new byte[1_100_000];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(api.send("POST", path(), big, Map.of("X-Test-Signature", "x")).status()).isEqualTo(413);
    }

    @Test
    void signalsForCandidaciesWeNeverSentAreIgnored() {
        String body = "{\"application\":\"someone-else\",\"kind\":\"HIRED\"}";
        assertThat(post(body, TestProvider.sign(secret(), body.getBytes(StandardCharsets.UTF_8)), "evt-x").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> "ignored".equals(jdbc.queryForObject(
                "select verdict from webhook_receipt where dedupe_key = 'evt-x'", String.class))
                || "processed".equals(jdbc.queryForObject("select verdict from webhook_receipt where dedupe_key = 'evt-x'", String.class)));
        assertThat(eventCount("application.status_changed")).isZero();
    }

    @Test
    void webhooksForAnInvalidConnectionAreHeldUntilItIsActiveAgain() {
        exported("c9", "nine@example.com");
        String id = connection.get("id").asText();
        jdbc.update("update connection set status = 'invalid', status_reason = 'grant revoked' where id = ?", id);
        String body = "{\"application\":\"app-p1\",\"candidate\":\"p1\",\"kind\":\"HIRED\"}";
        assertThat(post(body, TestProvider.sign(secret(), body.getBytes(StandardCharsets.UTF_8)), "evt-held").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select reason from webhook_receipt where dedupe_key = 'evt-held'", String.class) != null);
        assertThat(jdbc.queryForObject("select verdict from webhook_receipt where dedupe_key = 'evt-held'", String.class)).isEqualTo("accepted");
        assertThat(eventCount("application.status_changed")).isZero();

        // the company reconnects: held receipts are released at once
        assertThat(api.call("PUT", "/api/v1/companies/" + company + "/connection",
                java.util.Map.of("provider", "test", "apiKey", "good", "connectedBy", "admin@example.com")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> eventCount("application.status_changed") == 1);
    }
}
