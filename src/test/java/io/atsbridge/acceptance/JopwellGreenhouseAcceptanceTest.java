package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Jopwell × Greenhouse (seed guide 001): a Candidate Ingestion key connects the company; "Send to ATS" makes a
 * prospect; applications on linked jobs are sourced as the partner; the recruiter's moves come back as status
 * events; jobs and their state changes are imported. The recruiter is played through the sandbox's control API.
 */
class JopwellGreenhouseAcceptanceTest extends AcceptanceTestBase {
    static final String GH = "/sandbox/greenhouse";

    /** One company connected to its own fresh Greenhouse sandbox account, with the hub's webhook registered there. */
    final class Tenant {
        final String company = unique("jopwell-");
        final String key = unique("sandbox-jopwell-");
        final String boardToken;
        JsonNode connection;

        Tenant() {
            boardToken = control("GET", "/account", null).path("board_token").asText();
            assertThat(boardToken).isNotBlank();
        }

        JsonNode control(String method, String path, Object body) {
            return sandbox(key, method, GH + "/_control" + path, body);
        }

        /** Ingestion as the integration user (what a Greenhouse admin would see through the partner API). */
        JsonNode partner(String path) {
            Map<String, String> h = new HashMap<>(basic(key));
            h.put("On-Behalf-Of", GH_USER);
            Resp r = send("GET", GH + path, null, h);
            assertThat(r.status()).as("GET " + path + " → " + r.raw()).isEqualTo(200);
            return r.body();
        }

        Map<String, Object> connectRequest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", "greenhouse");
            m.put("apiKey", key);
            m.put("onBehalfOf", GH_USER);
            m.put("jobBoardToken", boardToken);
            m.put("baseUrl", base() + GH);
            m.put("connectedBy", "talent@" + company + ".example");
            return m;
        }

        Tenant connect() {
            connection = api("PUT", "/companies/" + company + "/connection", connectRequest(), 201);
            return this;
        }

        /** Registers the hub's webhook URL and secret (shown once at connect) in Greenhouse, as the admin does. */
        Tenant registerWebhook() {
            JsonNode hook = control("POST", "/webhooks", Map.of("name", "Jopwell ATSi", "url", connection.path("webhook").path("url").asText(),
                    "secret", connection.path("webhook").path("secret").asText(), "events", "all"));
            assertThat(hook.path("active").asBoolean()).as("the hub answered Greenhouse's ping: " + hook).isTrue();
            return this;
        }

        String exportsPath(String boardCandidateId) {
            return "/companies/" + company + "/candidates/" + boardCandidateId + "/exports";
        }
    }

    static Map<String, Object> candidate(String first, String last, String email) {
        return Map.of("firstName", first, "lastName", last, "emails", List.of(email), "headline", "Software Engineer",
                "phones", List.of("+1 212 555 0100"));
    }

    /** The board's "Get Started" page: what Greenhouse needs, from our API. */
    @Test
    void providersTellTheBoardWhatGreenhouseNeeds() {
        JsonNode providers = api("GET", "/providers", null, 200).path("providers");
        JsonNode gh = null;
        for (JsonNode p : providers) {
            if ("greenhouse".equals(p.path("id").asText())) {
                gh = p;
            }
        }
        assertThat(gh).as(providers.toString()).isNotNull();
        assertThat(gh.toString()).contains("Candidate Ingestion");
        JsonNode fields = gh.path("credentialFields");
        assertThat(fields.findValuesAsText("name")).contains("apiKey", "onBehalfOf", "jobBoardToken");
        for (JsonNode f : fields) {
            if (List.of("apiKey", "onBehalfOf").contains(f.path("name").asText())) {
                assertThat(f.path("required").asBoolean()).as(f.toString()).isTrue();
            }
        }
    }

    @Test
    void aWrongKeyIsRefusedWith422AndNothingIsStored() {
        Tenant t = new Tenant();
        Map<String, Object> req = t.connectRequest();
        req.put("apiKey", "gh-live-not-a-real-key");
        Resp r = api("PUT", "/companies/" + t.company + "/connection", req);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.raw()).doesNotContain("gh-live-not-a-real-key");
        assertThat(api("GET", "/companies/" + t.company + "/connection", null).status()).isEqualTo(404);
        assertThat(api("GET", "/companies/" + t.company + "/jobs", null).status()).isEqualTo(404);
    }

    @Test
    void aMissingOnBehalfOfIsRefusedNamingTheField() {
        Tenant t = new Tenant();
        Map<String, Object> req = t.connectRequest();
        req.remove("onBehalfOf");
        Resp r = api("PUT", "/companies/" + t.company + "/connection", req);
        assertThat(r.status()).as(r.raw()).isBetween(400, 499);
        assertThat(r.path("field").asText() + " " + r.path("message").asText()).contains("onBehalfOf");
        assertThat(api("GET", "/companies/" + t.company + "/connection", null).status()).isEqualTo(404);
    }

    /** The README's error contract: a missing field is a 400 naming it; Greenhouse was never asked. */
    @Test
    void aMissingOnBehalfOfIsA400NamingTheField() {
        Tenant t = new Tenant();
        Map<String, Object> req = t.connectRequest();
        req.remove("onBehalfOf");
        Resp r = api("PUT", "/companies/" + t.company + "/connection", req);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.path("field").asText()).isEqualTo("onBehalfOf");
    }

    @Test
    void connectImportsTheOpenJobsWithBoardContentUnescaped() {
        Tenant t = new Tenant().connect();
        JsonNode view = api("GET", "/companies/" + t.company + "/connection", null, 200);
        assertThat(view.path("status").asText()).isEqualTo("active");
        assertThat(view.path("provider").asText()).isEqualTo("greenhouse");
        assertThat(view.toString()).doesNotContain(t.key).doesNotContain(t.connection.path("webhook").path("secret").asText());

        assertThat(awaitSyncCompleted(t.company, 1).path("data").path("status").asText()).isEqualTo("completed");
        assertThat(api("GET", "/companies/" + t.company + "/connection", null, 200).path("lastSyncAt").asText()).isNotBlank();
        Map<String, JsonNode> imported = jobs(t.company, null);

        // what Greenhouse holds: open jobs (partner API), their live posts (Job Board API), raw post HTML (Harvest)
        JsonNode partnerJobs = t.partner("/v1/partner/jobs");
        assertThat(imported.keySet()).containsExactlyInAnyOrderElementsOf(ids(partnerJobs, "id"));
        Map<String, String> rawHtmlByPost = new HashMap<>();
        sandbox(t.key, "GET", GH + "/v1/job_posts?per_page=500", null).forEach(p -> rawHtmlByPost.put(p.path("id").asText(), p.path("content").asText()));
        JsonNode board = send("GET", GH + "/v1/boards/" + t.boardToken + "/jobs?content=true", null, Map.of()).body();
        int checked = 0;
        for (JsonNode post : board.path("jobs")) {
            String jobId = post.path("internal_job_id").asText(null);
            if (jobId == null || "null".equals(jobId)) {
                continue; // a prospect post is not a job
            }
            JsonNode job = imported.get(jobId);
            assertThat(job).as("job " + jobId + " of post " + post.path("id")).isNotNull();
            assertThat(job.path("state").asText()).isEqualTo("open");
            assertThat(job.path("title").asText()).isEqualTo(post.path("title").asText());
            assertThat(job.path("location").asText()).isEqualTo(post.path("location").path("name").asText());
            assertThat(job.path("department").asText()).isEqualTo(post.path("departments").get(0).path("name").asText());
            assertThat(job.path("url").asText()).isEqualTo(post.path("absolute_url").asText());
            String html = job.path("descriptionHtml").asText();
            assertThat(html).isEqualTo(rawHtmlByPost.get(post.path("id").asText()));
            assertThat(html).contains("<p>").doesNotContain("&lt;p&gt;").doesNotContain("&amp;lt;");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void sendToAtsMakesExactlyOneProspectWhateverTheRetries() {
        Tenant t = new Tenant().connect();
        String boardCandidateId = unique("jw-cand-");
        Map<String, Object> body = candidate("Ada", "Okafor", email("ada"));

        JsonNode accepted = api("POST", t.exportsPath(boardCandidateId), body, 202);
        String deliveryId = accepted.path("deliveryId").asText();
        JsonNode delivery = awaitDelivered(deliveryId);
        String atsCandidateId = delivery.path("atsRefs").path("atsCandidateId").asText();
        assertThat(atsCandidateId).isNotBlank();

        // the board presses the button again: same delivery, still one person in Greenhouse
        JsonNode again = api("POST", t.exportsPath(boardCandidateId), body, 202);
        assertThat(again.path("deliveryId").asText()).isEqualTo(deliveryId);
        assertThat(awaitFinal(deliveryId).path("attempts").asInt()).isEqualTo(delivery.path("attempts").asInt());
        // a different profile under the same board id is a conflict, not a second send
        Resp conflict = api("POST", t.exportsPath(boardCandidateId), candidate("Ada", "Okafor-Smith", email("ada2")));
        assertThat(conflict.status()).as(conflict.raw()).isEqualTo(409);

        JsonNode byExternalId = t.control("GET", "/candidates?external_id=" + boardCandidateId, null);
        assertThat(byExternalId).hasSize(1);
        assertThat(byExternalId.get(0).path("id").asText()).isEqualTo(atsCandidateId);
        JsonNode partner = t.partner("/v1/partner/candidates?candidate_ids=" + atsCandidateId);
        assertThat(partner).hasSize(1);
        assertThat(partner.get(0).path("external_id").asText()).isEqualTo(boardCandidateId);
        JsonNode held = t.control("GET", "/candidates/" + atsCandidateId, null);
        assertThat(held.path("first_name").asText()).isEqualTo("Ada");
        assertThat(held.toString()).contains(((List<?>) body.get("emails")).get(0).toString());
        assertThat(held.path("applications")).allSatisfy(a -> assertThat(a.path("prospect").asBoolean()).isTrue());
    }

    /** Greenhouse applied the create but the answer was lost: its new_prospect_application webhook tells what it made. */
    @Test
    void aLostAnswerIsReconciledWithoutASecondProspect() {
        Tenant t = new Tenant().connect().registerWebhook();
        awaitSyncCompleted(t.company, 1);
        t.control("PUT", "/faults", Map.of("commitThenDrop", 1));
        String boardCandidateId = unique("jw-cand-");
        String deliveryId = api("POST", t.exportsPath(boardCandidateId), candidate("Dee", "Lost", email("dee")), 202).path("deliveryId").asText();

        JsonNode delivery = awaitDelivered(deliveryId);
        assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode held = t.control("GET", "/candidates?external_id=" + boardCandidateId, null);
        assertThat(held).hasSize(1);
        assertThat(delivery.path("atsRefs").path("atsCandidateId").asText()).isEqualTo(held.get(0).path("id").asText());
    }

    /**
     * An application on a linked job lands on that job with the partner as source; then the recruiter works it in
     * Greenhouse and each real status change reaches the feed once, in order.
     */
    @Test
    void applicationOnALinkedJobThenRecruiterMovesComeBackAsStatusEvents() {
        Tenant t = new Tenant().connect().registerWebhook();
        awaitSyncCompleted(t.company, 1);
        String atsJobId = jobs(t.company, "open").keySet().iterator().next();
        Resp unknown = api("PUT", "/companies/" + t.company + "/job-links/jw-job-1", Map.of("atsJobId", "999"));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(422);
        assertThat(unknown.path("field").asText()).isEqualTo("atsJobId");
        api("PUT", "/companies/" + t.company + "/job-links/jw-job-1", Map.of("atsJobId", atsJobId), 200);

        String boardCandidateId = unique("jw-cand-");
        String boardApplicationId = unique("jw-app-");
        Map<String, Object> app = Map.of("boardApplicationId", boardApplicationId, "boardJobId", "jw-job-1",
                "candidate", Map.of("boardCandidateId", boardCandidateId, "firstName", "Bea", "lastName", "Mensah", "emails", List.of(email("bea"))));
        JsonNode accepted = api("POST", "/companies/" + t.company + "/applications", app, 202);
        assertThat(accepted.path("exported").asBoolean()).isTrue();
        JsonNode delivery = awaitDelivered(accepted.path("deliveryId").asText());
        String applicationId = delivery.path("atsRefs").path("atsApplicationId").asText();
        assertThat(applicationId).isNotBlank();

        JsonNode held = t.control("GET", "/applications/" + applicationId, null);
        assertThat(held.path("prospect").asBoolean()).isFalse();
        assertThat(ids(held.path("jobs"), "id")).containsExactly(atsJobId);
        JsonNode partnerSource = t.control("GET", "/account", null).path("partner_source");
        assertThat(held.path("source").path("id").asText()).isEqualTo(partnerSource.path("id").asText());
        assertThat(held.path("candidate").path("external_id").asText()).isEqualTo(boardCandidateId);

        // let the new_candidate_application webhook settle before recording the cursor
        awaitWebhooksSettled(t, 1);
        long cursor = cursor(t.company);

        t.control("POST", "/applications/" + applicationId + "/move", Map.of("stage", "Phone Screen"));
        awaitStatuses(t.company, cursor, 1);
        t.control("POST", "/applications/" + applicationId + "/move", Map.of("stage", "Screened")); // in review still: no event
        t.control("POST", "/applications/" + applicationId + "/reject", null);
        t.control("POST", "/applications/" + applicationId + "/unreject", null);
        t.control("POST", "/applications/" + applicationId + "/hire", null);
        awaitStatuses(t.company, cursor, 4);

        // Greenhouse re-sends the hire (same event id): accepted and ignored
        String hireEvent = null;
        for (JsonNode d : t.control("GET", "/webhooks/deliveries", null)) {
            if ("hire_candidate".equals(d.path("action").asText())) {
                hireEvent = d.path("event_id").asText();
            }
        }
        assertThat(hireEvent).isNotNull();
        int before = deliveries(t).size();
        t.control("POST", "/webhooks/redeliver", Map.of("event_id", hireEvent));
        await().atMost(PATIENCE).until(() -> deliveries(t).size() > before
                && deliveries(t).stream().allMatch(d -> "200".equals(d.path("status").asText()) || !d.path("will_retry").asBoolean()));
        // a last real change fences the feed: anything the replay had caused would come before it
        t.control("POST", "/applications/" + applicationId + "/unhire", null);

        List<String> statuses = awaitStatuses(t.company, cursor, 5);
        assertThat(statuses).containsExactly("in_review", "rejected", "in_review", "hired", "offer");
        List<JsonNode> events = events(t.company, cursor, "application.status_changed");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("data").path("boardApplicationId").asText()).isEqualTo(boardApplicationId);
            assertThat(e.path("data").path("boardCandidateId").asText()).isEqualTo(boardCandidateId);
            assertThat(e.path("data").path("atsApplicationId").asText()).isEqualTo(applicationId);
            assertThat(e.path("data").path("provider").asText()).isEqualTo("greenhouse");
        });
        assertThat(events.get(0).path("data").path("atsStage").asText()).isEqualTo("Phone Screen");
        assertThat(events.get(1).path("data").path("previousStatus").asText()).isEqualTo("in_review");
    }

    /** Greenhouse refuses for good (the linked job closed meanwhile): failed at once, with Greenhouse's reason. */
    @Test
    void anApplicationGreenhouseRefusesFailsAtOnceWithItsReason() {
        Tenant t = new Tenant().connect();
        awaitSyncCompleted(t.company, 1);
        String atsJobId = jobs(t.company, "open").keySet().iterator().next();
        api("PUT", "/companies/" + t.company + "/job-links/jw-job-2", Map.of("atsJobId", atsJobId), 200);
        t.control("POST", "/jobs/" + atsJobId + "/close", null);

        JsonNode accepted = api("POST", "/companies/" + t.company + "/applications", Map.of("boardApplicationId", unique("jw-app-"),
                "boardJobId", "jw-job-2", "candidate", Map.of("boardCandidateId", unique("jw-cand-"), "firstName", "Eli", "lastName", "Stone",
                        "emails", List.of(email("eli")))), 202);
        JsonNode d = awaitFinal(accepted.path("deliveryId").asText());
        assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("failed");
        assertThat(d.path("attempts").asInt()).isEqualTo(1);
        assertThat(d.path("lastError").asText()).contains("not open");
    }

    /**
     * Greenhouse delivers two stage changes out of order (the earlier one is held back and arrives last). The board must
     * end with the application's current status in Greenhouse, not with the stale one that happened to arrive last.
     */
    @Test
    void outOfOrderStageChangesEndWithTheCurrentStatus() {
        Tenant t = new Tenant().connect().registerWebhook();
        awaitSyncCompleted(t.company, 1);
        String atsJobId = jobs(t.company, "open").keySet().iterator().next();
        api("PUT", "/companies/" + t.company + "/job-links/jw-job-3", Map.of("atsJobId", atsJobId), 200);
        JsonNode accepted = api("POST", "/companies/" + t.company + "/applications", Map.of("boardApplicationId", unique("jw-app-"),
                "boardJobId", "jw-job-3", "candidate", Map.of("boardCandidateId", unique("jw-cand-"), "firstName", "Fay", "lastName", "Order",
                        "emails", List.of(email("fay")))), 202);
        String applicationId = awaitDelivered(accepted.path("deliveryId").asText()).path("atsRefs").path("atsApplicationId").asText();
        awaitWebhooksSettled(t, 1);
        long cursor = cursor(t.company);

        t.control("POST", "/webhooks/switches", Map.of("out_of_order_next", 1));
        t.control("POST", "/applications/" + applicationId + "/move", Map.of("stage", "Phone Screen"));
        t.control("POST", "/applications/" + applicationId + "/move", Map.of("stage", "Offer"));
        t.control("POST", "/webhooks/flush", null);
        awaitWebhooksSettled(t, 3);

        assertThat(t.control("GET", "/applications/" + applicationId, null).path("current_stage").path("name").asText()).isEqualTo("Offer");
        // both moves carry the same Greenhouse second: the hub re-reads the candidacy and settles on the truth
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> statuses = awaitStatuses(t.company, cursor, 1);
            assertThat(statuses.get(statuses.size() - 1)).as("statuses in the feed: " + statuses).isEqualTo("offer");
        });
    }

    @Test
    void aJobClosedInGreenhouseShowsClosed() {
        Tenant t = new Tenant().connect().registerWebhook();
        awaitSyncCompleted(t.company, 1);
        List<String> open = new ArrayList<>(jobs(t.company, "open").keySet());
        String closing = open.get(open.size() - 1);
        t.control("POST", "/jobs/" + closing + "/close", null);

        JsonNode job = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150))
                .until(() -> jobs(t.company, null).get(closing), j -> "closed".equals(j.path("state").asText()));
        assertThat(job.path("atsJobId").asText()).isEqualTo(closing);
        assertThat(events(t.company, 0, "job.closed")).anySatisfy(e -> assertThat(e.path("data").path("atsJobId").asText()).isEqualTo(closing));
        assertThat(jobs(t.company, "open")).hasSize(open.size() - 1);

        // the next import agrees (the job is gone from the open-only list: closed, not deleted)
        JsonNode run = syncNow(t.company);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(jobs(t.company, null).get(closing).path("state").asText()).isEqualTo("closed");

        // the recruiter deletes the closed job: job_deleted makes it deleted
        t.control("DELETE", "/jobs/" + closing, null);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150))
                .until(() -> jobs(t.company, null).get(closing).path("state").asText(), "deleted"::equals);
        assertThat(events(t.company, 0, "job.deleted")).anySatisfy(e -> assertThat(e.path("data").path("atsJobId").asText()).isEqualTo(closing));
    }

    /** Job description and status updates (Greenhouse → Jopwell): a new job and an edited post arrive by webhook. */
    @Test
    void aNewJobAndAnEditedPostArriveByWebhook() {
        Tenant t = new Tenant().connect().registerWebhook();
        awaitSyncCompleted(t.company, 1);
        JsonNode created = t.control("POST", "/jobs", Map.of("name", "Data Analyst", "status", "open", "live", true,
                "department", "Engineering", "office", "New York"));
        String jobId = created.path("id").asText();
        String postId = created.path("job_posts").get(0).path("id").asText();

        JsonNode job = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150))
                .until(() -> jobs(t.company, null).get(jobId), j -> j != null && "open".equals(j.path("state").asText()));
        assertThat(job.path("title").asText()).isNotBlank();
        assertThat(events(t.company, 0, "job.created")).anySatisfy(e -> assertThat(e.path("data").path("atsJobId").asText()).isEqualTo(jobId));

        t.control("PATCH", "/job_posts/" + postId, Map.of("title", "Senior Data Analyst", "content", "<p>SQL &amp; Python, \"R\" welcome</p>"));
        JsonNode updated = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150))
                .until(() -> jobs(t.company, null).get(jobId), j -> "Senior Data Analyst".equals(j.path("title").asText()));
        assertThat(updated.path("descriptionHtml").asText()).isEqualTo("<p>SQL &amp; Python, \"R\" welcome</p>");
        assertThat(updated.path("state").asText()).isEqualTo("open");
        assertThat(updated.path("department").asText()).isEqualTo("Engineering");
        assertThat(updated.path("url").asText()).isNotBlank();
    }

    /** A webhook for company A can never touch company B: B's URL does not accept A's signature. */
    @Test
    void anotherCompanysWebhookSecretIsRefused() {
        Tenant a = new Tenant().connect();
        Tenant b = new Tenant().connect();
        JsonNode hook = a.control("POST", "/webhooks", Map.of("name", "misrouted", "url", b.connection.path("webhook").path("url").asText(),
                "secret", a.connection.path("webhook").path("secret").asText(), "events", "all"));
        assertThat(hook.path("active").asBoolean()).as("B's endpoint refused A's ping: " + hook).isFalse();
        JsonNode receipts = api("GET", "/companies/" + b.company + "/webhook-receipts", null, 200).path("receipts");
        assertThat(receipts).isNotEmpty().allSatisfy(r -> assertThat(r.path("verdict").asText()).isNotEqualTo("accepted"));
    }

    /** Greenhouse has no screening flow (DESIGN.md "later"): a screening is not silently lost, it fails with the reason. */
    @Test
    void aScreeningForGreenhouseEndsWithADesignedAnswer() {
        Tenant t = new Tenant().connect();
        awaitSyncCompleted(t.company, 1);
        String atsJobId = jobs(t.company, "open").keySet().iterator().next();
        Resp r = api("POST", "/companies/" + t.company + "/screenings", Map.of("screeningId", unique("s-"), "atsJobId", atsJobId,
                "outcome", "PASSED", "candidate", Map.of("firstName", "Gus", "lastName", "Lee", "emails", List.of(email("gus"))),
                "transcript", Map.of("fileName", "t.pdf", "contentBase64", java.util.Base64.getEncoder().encodeToString(transcriptPdf()))));
        if (r.status() == 202) {
            JsonNode d = awaitFinal(r.path("deliveryId").asText());
            assertThat(d.path("status").asText()).isEqualTo("failed");
            assertThat(d.path("lastError").asText()).containsIgnoringCase("screening");
        } else {
            assertThat(r.status()).as(r.raw()).isEqualTo(422);
        }
    }

    @Test
    void revokeStopsEverything() {
        Tenant t = new Tenant().connect();
        awaitSyncCompleted(t.company, 1);
        JsonNode revoked = api("DELETE", "/companies/" + t.company + "/connection", null, 200);
        assertThat(revoked.path("status").asText()).isEqualTo("revoked");
        JsonNode view = api("GET", "/companies/" + t.company + "/connection", null, 200);
        assertThat(view.path("status").asText()).isEqualTo("revoked");
        assertThat(view.path("revokedAt").isNull()).isFalse();

        Resp export = api("POST", t.exportsPath(unique("jw-cand-")), candidate("Cy", "Doe", email("cy")));
        assertThat(export.status()).as(export.raw()).isEqualTo(409);
        assertThat(api("POST", "/companies/" + t.company + "/syncs", null).status()).isBetween(400, 499);
        assertThat(view.toString()).doesNotContain(t.key);

        // any user of the company connects again: active again for everyone, Send to ATS works
        JsonNode again = api("PUT", "/companies/" + t.company + "/connection", t.connectRequest(), 200);
        assertThat(again.path("status").asText()).isEqualTo("active");
        assertThat(again.path("id").asText()).isEqualTo(view.path("id").asText());
        String boardCandidateId = unique("jw-cand-");
        awaitDelivered(api("POST", t.exportsPath(boardCandidateId), candidate("Cy", "Doe", email("cy")), 202).path("deliveryId").asText());
        assertThat(t.control("GET", "/candidates?external_id=" + boardCandidateId, null)).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    List<JsonNode> deliveries(Tenant t) {
        List<JsonNode> out = new ArrayList<>();
        t.control("GET", "/webhooks/deliveries", null).forEach(out::add);
        return out;
    }

    /** Waits until Greenhouse delivered {@code min} events with 200 and the hub has processed every receipt. */
    void awaitWebhooksSettled(Tenant t, int min) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(150)).until(() -> {
            long ok = deliveries(t).stream().filter(d -> !"ping".equals(d.path("action").asText()) && "200".equals(d.path("status").asText())).count();
            if (ok < min) {
                return false;
            }
            JsonNode receipts = api("GET", "/companies/" + t.company + "/webhook-receipts", null, 200).path("receipts");
            for (JsonNode r : receipts) {
                if (r.path("processedAt").isNull() || r.path("processedAt").isMissingNode()) {
                    return false;
                }
            }
            return true;
        });
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
