package io.atsbridge.sandbox.greenhouse;

import static io.atsbridge.sandbox.greenhouse.GreenhouseSandboxIngestionContractTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Webhooks against fact sheet §4: ping, {action,payload} shapes, signature over the raw escaped bytes, retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseSandboxWebhookContractTest extends GreenhouseSandboxTestSupport {
    private static final String SECRET = "whsec-test-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private GhWebhookReceiver receiver;
    private String key;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new GhWebhookReceiver();
        key = newKey();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private JsonNode hook(String events) {
        return ok(control("POST", "/webhooks", key, """
                {"name":"hub","url":"%s","secret":"%s","events":%s,
                 "basic_auth":{"username":"gh","password":"pw"},"headers":{"X-Custom":"c1","Signature":"forged"}}"""
                .formatted(receiver.url(), SECRET, events)));
    }

    private long openJobId() {
        return ok(get("/v1/partner/jobs", key)).get(0).get("id").asLong();
    }

    private JsonNode apply(String externalId) {
        return ok(post("/v1/partner/candidates", key, """
                {"prospect":false,"job_id":%d,"first_name":"Sam","last_name":"O'Neil <Jr>","external_id":"%s"}"""
                .formatted(openJobId(), externalId)));
    }

    private GhWebhookReceiver.Received awaitOne(String action) {
        await().atMost(WAIT).until(() -> !receiver.byAction(action).isEmpty());
        return receiver.byAction(action).get(0);
    }

    @Test
    void pingOnCreateAndFailedPingSavesTheWebhookDisabled() throws Exception {
        receiver.answers.add(500);
        JsonNode saved = hook("\"all\"");
        assertThat(saved.get("active").asBoolean()).isFalse();
        assertThat(saved.toString()).doesNotContain(SECRET);
        GhWebhookReceiver.Received ping = receiver.received.get(0);
        assertThat(ping.action()).isEqualTo("ping");
        assertThat(ping.verifies(SECRET)).isTrue();
        assertThat(fieldNames(ping.json().get("payload"))).containsExactly("web_hook_id", "endpoint_url", "created_at",
                "updated_at", "name", "event", "active", "content-type");

        apply("disabled-1");
        Thread.sleep(300);
        assertThat(receiver.received).hasSize(1);   // a disabled webhook stays silent

        JsonNode again = ok(control("PUT", "/webhooks/" + saved.get("id").asLong(), key, "{\"active\":true}"));
        assertThat(again.get("active").asBoolean()).isTrue();
        assertThat(receiver.byAction("ping")).hasSize(2);
    }

    @Test
    void applicationThenStageChangeAreSignedOverTheEscapedBytes() throws Exception {
        hook("\"all\"");
        JsonNode created = apply("board-42");
        GhWebhookReceiver.Received r = awaitOne("new_candidate_application");

        assertThat(r.verifies(SECRET)).isTrue();
        assertThat(r.verifies(SECRET + "x")).isFalse();
        assertThat(r.eventId()).isNotBlank();
        assertThat(r.authorization()).isEqualTo("Basic Z2g6cHc=");
        assertThat(r.custom()).isEqualTo("c1");
        assertThat(r.signature()).startsWith("sha256 ").doesNotContain("forged");
        // Rails-style escaping is on the wire and is what was signed
        String body = r.body();
        assertThat(body).contains("\\u003cJr\\u003e").contains("\\u003cp\\u003e").contains("\\u0026")
                .doesNotContain("<").doesNotContain("&").doesNotContain("\n");
        byte[] reserialized = new ObjectMapper().writeValueAsBytes(r.json());
        assertThat(new String(reserialized, StandardCharsets.UTF_8)).contains("<Jr>");
        assertThat("sha256 " + GhJsonTest.hmacHex(SECRET, reserialized)).isNotEqualTo(r.signature());

        JsonNode app = r.json().get("payload").get("application");
        assertThat(fieldNames(r.json())).containsExactly("action", "payload");
        assertThat(app.get("id").asLong()).isEqualTo(created.get("application_id").asLong());
        assertThat(app.get("prospect").asBoolean()).isFalse();
        assertThat(app.get("status").asText()).isEqualTo("active");
        assertThat(app.get("current_stage").get("name").asText()).isEqualTo("Application Review");
        assertThat(fieldNames(app.get("source"))).containsExactly("id", "name");
        assertThat(app.get("candidate").get("external_id").asText()).isEqualTo("board-42");
        assertThat(app.get("candidate").get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(app.get("candidate").get("photo_url").isNull()).isTrue();
        assertThat(app.get("jobs").get(0).get("id").asLong()).isEqualTo(openJobId());
        assertThat(app.get("jobs").get(0).get("offices").get(0).get("location").isTextual()).isTrue();
        assertThat(fieldNames(app)).contains("rejected_at", "applied_at", "last_activity_at", "url", "credited_to",
                "rejection_reason", "rejection_details", "prospect_detail", "custom_fields");

        long appId = app.get("id").asLong();
        ok(control("POST", "/applications/" + appId + "/move", key, "{\"stage\":\"Screened\"}"));
        GhWebhookReceiver.Received moved = awaitOne("candidate_stage_change");
        assertThat(moved.verifies(SECRET)).isTrue();
        assertThat(moved.eventId()).isNotEqualTo(r.eventId());
        JsonNode movedApp = moved.json().get("payload").get("application");
        assertThat(movedApp.get("current_stage").get("name").asText()).isEqualTo("Screened");
        assertThat(movedApp.has("previous_stage")).isFalse();
        JsonNode read = ok(get("/v1/partner/candidates?candidate_ids=" + created.get("id").asLong(), key));
        assertThat(read.get(0).get("applications").get(0).get("stage").asText()).isEqualTo("Screened");
    }

    @Test
    void prospectRejectUnrejectHireShapes() {
        hook("[\"new_prospect_application\",\"reject_candidate\",\"unreject_candidate\",\"hire_candidate\"]");
        JsonNode prospect = ok(post("/v1/partner/candidates", key,
                "{\"first_name\":\"Pia\",\"last_name\":\"Prospect\",\"external_id\":\"p-9\",\"job_id\":" + openJobId() + "}"));
        JsonNode pApp = awaitOne("new_prospect_application").json().get("payload").get("application");
        assertThat(pApp.get("prospect").asBoolean()).isTrue();
        assertThat(pApp.get("current_stage").isNull()).isTrue();
        assertThat(fieldNames(pApp.get("source"))).containsExactly("id", "public_name");

        long appId = apply("r-1").get("application_id").asLong();
        ok(control("POST", "/applications/" + appId + "/reject", key, null));
        JsonNode rej = awaitOne("reject_candidate").json().get("payload").get("application");
        assertThat(rej.get("status").asText()).isEqualTo("rejected");
        assertThat(rej.get("rejected_at").isTextual()).isTrue();
        assertThat(fieldNames(rej.get("rejection_reason"))).containsExactly("id", "name", "type");
        assertThat(fieldNames(rej.get("rejection_reason").get("type"))).containsExactly("id", "name");
        assertThat(fieldNames(rej.get("source"))).containsExactly("id", "public_name");

        ok(control("POST", "/applications/" + appId + "/unreject", key, null));
        JsonNode unrej = awaitOne("unreject_candidate").json().get("payload").get("application");
        assertThat(unrej.get("status").asText()).isEqualTo("active");
        assertThat(unrej.get("rejection_reason").isNull()).isTrue();

        ok(control("POST", "/applications/" + appId + "/hire", key, null));
        JsonNode hired = awaitOne("hire_candidate").json().get("payload").get("application");
        assertThat(hired.has("status")).isFalse();
        assertThat(hired.has("current_stage")).isFalse();
        assertThat(fieldNames(hired)).contains("id", "opening", "credited_to", "source", "url", "candidate", "job", "jobs",
                "custom_fields", "offer");
        assertThat(hired.get("job").has("open_date")).isTrue();
        assertThat(hired.get("candidate").get("external_id").asText()).isEqualTo("r-1");
        assertThat(receiver.byAction("new_candidate_application")).isEmpty();   // not subscribed

        long candId = hired.get("candidate").get("id").asLong();
        JsonNode read = ok(get("/v1/partner/candidates?candidate_ids=" + candId + "," + prospect.get("id").asLong(), key));
        assertThat(read.get(0).get("applications").get(0).get("status").asText()).isEqualTo("hired");
        // reject of a hired application is refused
        assertThat(control("POST", "/applications/" + appId + "/reject", key, null).statusCode()).isEqualTo(409);
    }

    @Test
    void jobLifecycleEventsAndViewsStayConsistent() {
        hook("\"all\"");
        String token = ok(control("GET", "/account", key, null)).get("board_token").asText();
        JsonNode jobs = ok(control("GET", "/jobs", key, null));
        JsonNode first = null;
        for (JsonNode j : jobs) {
            if ("open".equals(j.get("status").asText()) && j.get("job_posts").get(0).get("live").asBoolean()) {
                first = j;
                break;
            }
        }
        long jobId = first.get("id").asLong();
        assertThat(control("DELETE", "/jobs/" + jobId, key, null).statusCode()).isEqualTo(409);

        ok(control("POST", "/jobs/" + jobId + "/close", key, null));
        JsonNode updated = awaitOne("job_updated").json().get("payload").get("job");
        assertThat(updated.get("status").asText()).isEqualTo("closed");
        assertThat(updated.get("closed_at").isTextual()).isTrue();
        JsonNode postUpdated = awaitOne("job_post_updated").json().get("payload");
        assertThat(postUpdated.get("live").asBoolean()).isFalse();
        assertThat(postUpdated.get("location").isTextual()).isTrue();
        assertThat(postUpdated.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(ok(get("/v1/partner/jobs", key)).findValuesAsText("id")).doesNotContain(String.valueOf(jobId));
        assertThat(ok(call("GET", "/v1/boards/" + token + "/jobs", null, null, null)).get("jobs")
                .findValuesAsText("internal_job_id")).doesNotContain(String.valueOf(jobId));

        ok(control("DELETE", "/jobs/" + jobId, key, null));
        JsonNode deleted = awaitOne("job_deleted").json().get("payload").get("job");
        assertThat(fieldNames(deleted)).containsExactly("id", "name");

        JsonNode created = ok(control("POST", "/jobs", key, "{\"name\":\"Rust & <WASM> Engineer\",\"live\":false}"));
        JsonNode jc = awaitOne("job_created").json().get("payload").get("job");
        assertThat(jc.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(fieldNames(jc)).contains("hiring_team", "openings", "departments", "offices", "created_by_id");
        assertThat(awaitOne("job_post_created").json().get("payload").get("live").asBoolean()).isFalse();
        long postId = created.get("job_posts").get(0).get("id").asLong();
        ok(control("DELETE", "/job_posts/" + postId, key, null));
        JsonNode pd = awaitOne("job_post_deleted").json().get("payload");
        assertThat(fieldNames(pd)).containsExactly("job_post");
        assertThat(pd.get("job_post").get("id").asLong()).isEqualTo(postId);
    }

    @Test
    void retriesNon200WithTheSameEventIdAndLogsAttempts() {
        hook("[\"new_candidate_application\"]");
        receiver.answers.add(503);
        receiver.answers.add(500);
        apply("retry-1");
        await().atMost(WAIT).until(() -> receiver.byAction("new_candidate_application").size() == 3);
        List<GhWebhookReceiver.Received> got = receiver.byAction("new_candidate_application");
        assertThat(got).extracting(GhWebhookReceiver.Received::eventId).containsOnly(got.get(0).eventId());
        assertThat(got).allMatch(x -> x.verifies(SECRET));
        JsonNode log = ok(control("GET", "/webhooks/deliveries", key, null));
        assertThat(log.findValuesAsText("attempt")).contains("1", "2", "3");
        assertThat(log.findValuesAsText("status")).contains("503", "500", "200");
    }

    @Test
    void duplicateOutOfOrderAndBadSignatureOnDemand() {
        hook("[\"new_candidate_application\"]");
        ok(control("POST", "/webhooks/switches", key, "{\"duplicate_next\":1}"));
        apply("dup-1");
        await().atMost(WAIT).until(() -> receiver.byAction("new_candidate_application").size() == 2);
        List<GhWebhookReceiver.Received> dup = receiver.byAction("new_candidate_application");
        assertThat(dup.get(0).eventId()).isEqualTo(dup.get(1).eventId());
        assertThat(dup.get(0).body()).isEqualTo(dup.get(1).body());

        ok(control("POST", "/webhooks/switches", key, "{\"out_of_order_next\":1}"));
        apply("first");
        apply("second");
        await().atMost(WAIT).until(() -> receiver.byAction("new_candidate_application").size() == 4);
        List<GhWebhookReceiver.Received> all = receiver.byAction("new_candidate_application");
        assertThat(all.get(2).body()).contains("\"external_id\":\"second\"");
        assertThat(all.get(3).body()).contains("\"external_id\":\"first\"");

        ok(control("POST", "/webhooks/switches", key, "{\"bad_signature_next\":1}"));
        apply("bad-sig");
        await().atMost(WAIT).until(() -> receiver.byAction("new_candidate_application").size() == 5);
        GhWebhookReceiver.Received bad = receiver.byAction("new_candidate_application").get(4);
        assertThat(bad.verifies(SECRET)).isFalse();

        ok(control("POST", "/webhooks/redeliver", key, "{\"event_id\":\"" + all.get(2).eventId() + "\"}"));
        await().atMost(WAIT).until(() -> receiver.byAction("new_candidate_application").size() == 6);
        GhWebhookReceiver.Received again = receiver.byAction("new_candidate_application").get(5);
        assertThat(again.eventId()).isEqualTo(all.get(2).eventId());
        assertThat(again.verifies(SECRET)).isTrue();
    }

    @Test
    void deleteMergeAndUnhireFireTheirEventsAndVanishFromThePartnerApi() {
        hook("[\"delete_candidate\",\"merge_candidate\",\"unhire_candidate\",\"application_updated\"]");
        JsonNode a = apply("del-1");
        JsonNode b = apply("merge-loser");
        JsonNode c = apply("merge-winner");

        ok(control("POST", "/applications/" + c.get("application_id").asLong() + "/hire", key, null));
        ok(control("POST", "/applications/" + c.get("application_id").asLong() + "/unhire", key, null));
        JsonNode unhired = awaitOne("unhire_candidate").json().get("payload").get("application");
        assertThat(unhired.get("status").asText()).isEqualTo("active");
        assertThat(fieldNames(unhired.get("source"))).containsExactly("id", "public_name");

        ok(control("PATCH", "/applications/" + a.get("application_id").asLong(), key,
                "{\"credited_to_email\":\"rita.recruiter@demo.example\"}"));
        JsonNode upd = awaitOne("application_updated").json().get("payload").get("application");
        assertThat(upd.get("credited_to").get("email").asText()).isEqualTo("rita.recruiter@demo.example");
        assertThat(fieldNames(upd.get("source"))).containsExactly("id", "name");

        ok(control("DELETE", "/candidates/" + a.get("id").asLong(), key, null));
        JsonNode person = awaitOne("delete_candidate").json().get("payload").get("person");
        assertThat(person.get("id").asLong()).isEqualTo(a.get("id").asLong());
        assertThat(person.get("deleted_application_ids").get(0).asLong()).isEqualTo(a.get("application_id").asLong());

        ok(control("POST", "/candidates/" + b.get("id").asLong() + "/merge", key, "{\"into\":" + c.get("id").asLong() + "}"));
        JsonNode merged = awaitOne("merge_candidate").json().get("payload").get("person");
        assertThat(merged.get("new_candidate_id").asLong()).isEqualTo(c.get("id").asLong());

        JsonNode read = ok(get("/v1/partner/candidates?candidate_ids=" + a.get("id").asLong() + "," + b.get("id").asLong()
                + "," + c.get("id").asLong(), key));
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("applications")).hasSize(2);   // the loser's application moved to the winner
    }

    @Test
    void bearerTokenNeedsNoOnBehalfOf() {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/v1/partner/current_user")).header("Authorization", "Bearer " + key).build();
        JsonNode me = ok(send(req));
        assertThat(me.get("email").asText()).isEqualTo(OBO);
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest req) {
        try {
            return HTTP.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
