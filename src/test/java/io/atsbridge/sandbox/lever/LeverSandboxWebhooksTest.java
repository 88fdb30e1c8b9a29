package io.atsbridge.sandbox.lever;

import static io.atsbridge.sandbox.lever.LeverShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (lever.md 6.4, 7, 12.8): registration through the API, every state change delivering Lever's envelope,
 * signatures recomputed here independently of the simulator's code, retries, ping, duplicates, bad signatures.
 */
class LeverSandboxWebhooksTest extends LeverSandboxTestBase {
    private static final List<String> EVENTS = List.of("applicationCreated", "candidateStageChange", "candidateHired",
            "candidateArchiveChange", "candidateDeleted");
    private WebhookReceiver receiver;
    private String auth;
    private String performAs;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        auth = basic(newAccountKey());
        performAs = get("/v1/users?email=integrations@demo.example", auth).json().get("data").get(0).get("id").asText();
        send("PUT", "/_control/webhooks/retry-schedule", auth, "{\"delaysMs\":[50,50,50,50,50]}");
        for (String e : EVENTS) {
            Res r = send("POST", "/v1/webhooks", auth, "{\"url\":\"" + receiver.url("/hook/" + e) + "\",\"event\":\"" + e + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertShape(r.json().get("data"), "webhook");
            String token = r.json().get("data").get("configuration").get("signatureToken").asText();
            assertThat(token).isNotBlank();
            tokens.put(e, token);
        }
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** Lever's check, written out here: hex(HMAC-SHA256(signatureToken, token + triggeredAt)). */
    static String expectedSignature(String signatureToken, JsonNode env) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signatureToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String message = env.get("token").asText() + env.get("triggeredAt").asLong();
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertGenuine(WebhookReceiver.Received r, String event) throws Exception {
        assertThat(r.header("User-Agent")).isEqualTo("Lever-Webhooks");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode env = r.json();
        assertShape(env, "webhookEnvelope");
        assertThat(env.get("event").asText()).isEqualTo(event);
        assertThat(env.get("token").asText()).hasSize(48);
        assertThat(env.get("signature").asText()).matches("[0-9a-f]{64}");
        assertThat(env.get("signature").asText()).isEqualTo(expectedSignature(tokens.get(event), env));
        assertThat(env.get("triggeredAt").asLong()).isGreaterThan(1_000_000_000_000L);
    }

    @Test
    void registrationIsListedWithoutTheTokenAndCanBeDeleted() throws Exception {
        Res list = get("/v1/webhooks", auth);
        assertThat(list.json().get("data")).hasSize(EVENTS.size());
        list.json().get("data").forEach(w -> {
            assertShape(w, "webhook");
            assertThat(w.get("configuration").has("signatureToken")).isFalse();
        });
        String id = list.json().get("data").get(0).get("id").asText();
        assertThat(send("DELETE", "/v1/webhooks/" + id, auth, null).status()).isEqualTo(204);
        assertThat(send("DELETE", "/v1/webhooks/" + id, auth, null).status()).isEqualTo(404);
        assertThat(send("POST", "/v1/webhooks", auth, "{\"url\":\"" + receiver.url("/x") + "\",\"event\":\"candidateExploded\"}").status())
                .isEqualTo(400);

        // PUT /webhooks edits API-created webhooks; UI-configured ones (control API) are not editable through the API
        String apiHook = list.json().get("data").get(1).get("id").asText();
        Res put = send("PUT", "/v1/webhooks", auth, "{\"data\":[{\"id\":\"" + apiHook + "\",\"url\":\""
                + receiver.url("/moved") + "\",\"configuration\":{\"conditions\":{\"origins\":[\"referred\"]}}}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("data").get(0).get("url").asText()).endsWith("/moved");
        Res ui = send("POST", "/_control/webhooks", auth, "{\"url\":\"" + receiver.url("/ui") + "\",\"events\":[\"candidateHired\"]}");
        assertThat(ui.status()).isEqualTo(201);
        String uiHook = ui.json().get("data").get(0).get("id").asText();
        assertThat(ui.json().get("data").get(0).get("configuration").get("signatureToken").asText()).isNotBlank();
        assertThat(send("PUT", "/v1/webhooks", auth, "{\"data\":[{\"id\":\"" + uiHook + "\",\"url\":\"" + receiver.url("/x")
                + "\"}]}").status()).isEqualTo(403);
        assertThat(send("DELETE", "/v1/webhooks/" + uiHook, auth, null).status()).isEqualTo(403);
        assertThat(send("DELETE", "/_control/webhooks/" + uiHook, auth, null).status()).isEqualTo(204);
    }

    @Test
    void stateChangesDeliverCorrectlySignedWebhooks() throws Exception {
        String posting = get("/v1/postings?state=published", auth).json().get("data").get(0).get("id").asText();
        Res created = send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"Dorothy Vaughan\",\"emails\":[\"dv@example.com\"],\"postings\":[\"" + posting + "\"],\"origin\":\"applied\"}");
        JsonNode opp = created.json().get("data");
        String oppId = opp.get("id").asText();

        WebhookReceiver.Received app = receiver.await("applicationCreated", 1).get(0);
        assertGenuine(app, "applicationCreated");
        assertShape(app.json().get("data"), "event.applicationCreated");
        assertThat(app.json().get("data").get("opportunityId").asText()).isEqualTo(oppId);
        assertThat(app.json().get("data").get("applicationId").asText()).isEqualTo(opp.get("applications").get(0).asText());

        send("PUT", "/v1/opportunities/" + oppId + "/stage", auth, "{\"stage\":\"offer\"}");
        WebhookReceiver.Received stage = receiver.await("candidateStageChange", 1).get(0);
        assertGenuine(stage, "candidateStageChange");
        assertShape(stage.json().get("data"), "event.candidateStageChange");
        assertThat(stage.json().get("data").get("fromStageId").asText()).isEqualTo("lead-new");
        assertThat(stage.json().get("data").get("toStageId").asText()).isEqualTo("offer");
        assertThat(stage.json().get("data").get("candidateId").asText()).isEqualTo(oppId);

        // hire through the control API: candidateHired and candidateArchiveChange with the hired reason
        String hiredReason = send("GET", "/_control/account", auth, null).json().get("hiredArchiveReasonId").asText();
        assertThat(send("POST", "/_control/opportunities/" + oppId + "/hire", auth, null).status()).isEqualTo(200);
        WebhookReceiver.Received hired = receiver.await("candidateHired", 1).get(0);
        assertGenuine(hired, "candidateHired");
        assertShape(hired.json().get("data"), "event.candidateHired");
        WebhookReceiver.Received archived = receiver.await("candidateArchiveChange", 1).get(0);
        assertGenuine(archived, "candidateArchiveChange");
        assertShape(archived.json().get("data"), "event.candidateArchiveChange");
        assertThat(archived.json().get("data").get("fromArchived").isNull()).isTrue();
        assertShape(archived.json().get("data").get("toArchived"), "opportunity.archived");
        assertThat(archived.json().get("data").get("toArchived").get("reason").asText()).isEqualTo(hiredReason);

        // unarchive: toArchived null
        send("PUT", "/v1/opportunities/" + oppId + "/archived", auth, "{\"reason\":null}");
        WebhookReceiver.Received reopened = receiver.await("candidateArchiveChange", 2).get(1);
        assertThat(reopened.json().get("data").get("toArchived").isNull()).isTrue();
        assertThat(reopened.json().get("data").get("fromArchived").get("reason").asText()).isEqualTo(hiredReason);

        // reject (non-hired): archive change only, no second candidateHired
        send("POST", "/_control/opportunities/" + oppId + "/reject", auth, null);
        receiver.await("candidateArchiveChange", 3);
        assertThat(receiver.ofEvent("candidateHired")).hasSize(1);

        // move by stage name through the control API
        send("POST", "/_control/opportunities/" + oppId + "/stage", auth, "{\"stageName\":\"Screened\"}");
        assertThat(receiver.await("candidateStageChange", 2).get(1).json().get("data").get("fromStageId").asText()).isEqualTo("offer");

        assertThat(send("DELETE", "/_control/opportunities/" + oppId, auth, null).status()).isEqualTo(204);
        WebhookReceiver.Received deleted = receiver.await("candidateDeleted", 1).get(0);
        assertGenuine(deleted, "candidateDeleted");
        assertShape(deleted.json().get("data"), "event.candidateDeleted");
        assertThat(get("/v1/opportunities/" + oppId, auth).status()).isEqualTo(404);

        // every envelope has its own id and token
        assertThat(receiver.all().stream().map(r -> r.json().get("token").asText()).distinct().count()).isEqualTo(receiver.all().size());
        // the delivery log shows them delivered
        JsonNode log = get("/_control/webhooks/deliveries", auth).json().get("deliveries");
        assertThat(log.size()).isGreaterThanOrEqualTo(receiver.all().size());
        assertThat(log.get(0).get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aSignatureOverTheWrongBytesWouldNotMatch() throws Exception {
        send("POST", "/_control/webhooks/ping", auth, "{\"event\":\"candidateStageChange\"}");
        JsonNode env = receiver.await("candidateStageChange", 1).get(0).json();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(tokens.get("candidateStageChange").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String reversed = HexFormat.of().formatHex(mac.doFinal((env.get("triggeredAt").asLong() + env.get("token").asText())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(env.get("signature").asText()).isNotEqualTo(reversed).isEqualTo(expectedSignature(tokens.get("candidateStageChange"), env));
        // another webhook's token does not verify it either: tokens are per webhook
        assertThat(env.get("signature").asText()).isNotEqualTo(expectedSignature(tokens.get("candidateHired"), env));
    }

    @Test
    void pingHasEmptyDataAndIsSigned() throws Exception {
        Res r = send("POST", "/_control/webhooks/ping", auth, "{}");
        assertThat(r.json().get("deliveries")).hasSize(EVENTS.size());
        for (String e : EVENTS) {
            WebhookReceiver.Received ping = receiver.await(e, 1).get(0);
            assertGenuine(ping, e);
            assertThat(ping.json().get("data").isObject()).isTrue();
            assertThat(ping.json().get("data")).isEmpty();
        }
    }

    @Test
    void retriesNonSuccessIncludingRedirectsFiveMoreTimes() throws Exception {
        receiver.respondWith(500, 302, 503);
        send("POST", "/_control/webhooks/ping", auth, "{\"event\":\"candidateHired\"}");
        List<WebhookReceiver.Received> got = receiver.await("candidateHired", 4);
        assertThat(got).hasSize(4);
        assertThat(got.stream().map(g -> g.json().get("token").asText()).distinct()).hasSize(1); // same delivery, resent
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() ->
                get("/_control/webhooks/deliveries", auth).json().get("deliveries").get(0).get("status").asText().equals("delivered"));
        JsonNode d = get("/_control/webhooks/deliveries", auth).json().get("deliveries").get(0);
        assertThat(d.get("attempts")).hasSize(4);
        assertThat(d.get("attempts").get(1).get("status").asInt()).isEqualTo(302);

        receiver.clear();
        receiver.respondWith(500, 500, 500, 500, 500, 500, 500);
        send("POST", "/_control/webhooks/ping", auth, "{\"event\":\"candidateDeleted\"}");
        receiver.await("candidateDeleted", 6);
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() ->
                get("/_control/webhooks/deliveries", auth).json().get("deliveries").get(0).get("status").asText().equals("failed"));
        Thread.sleep(300);
        assertThat(receiver.ofEvent("candidateDeleted")).as("one try plus five retries").hasSize(6);
    }

    @Test
    void duplicatesAndBadSignaturesForNegativeTests() throws Exception {
        send("POST", "/_control/webhooks/ping", auth, "{\"event\":\"candidateStageChange\"}");
        receiver.await("candidateStageChange", 1);
        String deliveryId = get("/_control/webhooks/deliveries", auth).json().get("deliveries").get(0).get("id").asText();
        assertThat(send("POST", "/_control/webhooks/deliveries/" + deliveryId + "/duplicate", auth, null).status()).isEqualTo(200);
        List<WebhookReceiver.Received> two = receiver.await("candidateStageChange", 2);
        assertThat(two.get(1).body()).isEqualTo(two.get(0).body());

        send("POST", "/_control/webhooks/bad-signature", auth, "{\"event\":\"candidateHired\",\"data\":{\"opportunityId\":\"x\"}}");
        JsonNode bad = receiver.await("candidateHired", 1).get(0).json();
        assertShape(bad, "webhookEnvelope");
        assertThat(bad.get("signature").asText()).matches("[0-9a-f]{64}")
                .isNotEqualTo(expectedSignature(tokens.get("candidateHired"), bad));
    }

    @Test
    void originConditionsAndEventGroupsFilterDeliveries() throws Exception {
        String url = receiver.url("/applied-only");
        Res r = send("POST", "/v1/webhooks", auth, "{\"url\":\"" + url + "\",\"event\":\"candidateStageChange\","
                + "\"configuration\":{\"conditions\":{\"origins\":[\"applied\"]}}}");
        assertThat(r.json().get("data").get("configuration").get("conditions").get("origins").get(0).asText()).isEqualTo("applied");
        String sourced = send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"S\",\"emails\":[\"s@example.com\"],\"origin\":\"sourced\"}").json().get("data").get("id").asText();
        send("PUT", "/v1/opportunities/" + sourced + "/stage", auth, "{\"stage\":\"offer\"}");
        receiver.await("candidateStageChange", 1); // the unconditioned webhook
        Thread.sleep(200);
        assertThat(receiver.all()).noneMatch(x -> x.path().equals("/applied-only"));
        String applied = send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"A\",\"emails\":[\"a@example.com\"],\"origin\":\"applied\"}").json().get("data").get("id").asText();
        send("PUT", "/v1/opportunities/" + applied + "/stage", auth, "{\"stage\":\"offer\"}");
        receiver.await("candidateStageChange", 3);
        assertThat(receiver.all()).filteredOn(x -> x.path().equals("/applied-only")).hasSize(1);
        receiver.clear();

        send("PUT", "/_control/settings", auth, "{\"eventGroups\":{\"candidateStageChange\":false}}");
        send("PUT", "/v1/opportunities/" + sourced + "/stage", auth, "{\"stage\":\"lead-new\"}");
        Thread.sleep(300);
        assertThat(receiver.ofEvent("candidateStageChange")).as("event group toggled off").isEmpty();
    }
}
