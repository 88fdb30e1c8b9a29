package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Purpose Jobs × Lever (seed guide 002): exported profiles are New Leads tagged and sourced with the board's name,
 * origin sourced, never duplicated (not by a known email, a lost answer or a 429 storm); applications on linked
 * postings arrive as applied; the recruiter's moves in Lever come back as status events.
 */
class PurposeJobsLeverAcceptanceTest extends AcceptanceTestBase {

    LeverTenant connected() {
        return new LeverTenant(this, "purpose").connect(null);
    }

    static Map<String, Object> candidate(String email) {
        return Map.of("firstName", "Maya", "lastName", "Ruiz", "emails", List.of(email), "headline", "Product Designer",
                "phones", List.of(Map.of("value", "+1 415 555 0100", "type", "mobile")), "links", List.of("https://maya.example"));
    }

    String export(LeverTenant t, String boardCandidateId, String email) {
        return api("POST", "/companies/" + t.company + "/candidates/" + boardCandidateId + "/exports", candidate(email), 202)
                .path("deliveryId").asText();
    }

    @Test
    void connectResolvesTheUserAndRegistersWebhooksInLever() {
        LeverTenant t = connected();
        assertThat(t.connection.path("status").asText()).isEqualTo("active");
        String hookUrl = t.connection.path("webhook").path("url").asText();
        assertThat(hookUrl).startsWith(base() + "/webhooks/lever/");
        JsonNode hooks = t.lever("GET", "/v1/webhooks", null).path("data");
        assertThat(hooks).isNotEmpty().allSatisfy(h -> assertThat(h.path("url").asText()).isEqualTo(hookUrl));
        assertThat(hooks.findValuesAsText("event")).contains("candidateStageChange", "candidateArchiveChange", "candidateHired");
        assertThat(api("GET", "/companies/" + t.company + "/connection", null, 200).toString()).doesNotContain(t.key);

        // connecting again (another admin of the company) replaces our webhooks instead of adding a second set
        api("PUT", "/companies/" + t.company + "/connection", t.connectRequest(null), 200);
        JsonNode after = t.lever("GET", "/v1/webhooks", null).path("data");
        assertThat(after.size()).isEqualTo(hooks.size());
        assertThat(after.findValuesAsText("event")).doesNotHaveDuplicates();
    }

    @Test
    void sendToLeverMakesOneSourcedNewLeadTaggedWithTheBoard() {
        LeverTenant t = connected();
        String email = email("maya");
        JsonNode delivery = awaitDelivered(export(t, unique("pj-"), email));

        List<JsonNode> opps = t.opportunities(email);
        assertThat(opps).hasSize(1);
        JsonNode o = opps.get(0);
        assertThat(delivery.path("atsRefs").path("atsCandidateId").asText()).isEqualTo(o.path("id").asText());
        assertThat(LeverTenant.stageOf(o)).isEqualTo("lead-new");
        assertThat(o.path("origin").asText()).isEqualTo("sourced");
        assertThat(texts(o.path("tags"))).contains("Test Board");
        assertThat(texts(o.path("sources"))).contains("Test Board");
        assertThat(o.path("headline").asText()).isEqualTo("Product Designer");
        assertThat(o.path("applications")).isEmpty();
    }

    @Test
    void aPersonLeverAlreadyKnowsIsNotCreatedAgain() {
        LeverTenant t = connected();
        String email = email("known");
        String existing = t.control("POST", "/opportunities", Map.of("name", "Maya Ruiz", "emails", List.of(email))).path("data").path("id").asText();

        JsonNode delivery = awaitDelivered(export(t, unique("pj-"), email.toUpperCase()));
        List<JsonNode> opps = t.opportunities(email);
        assertThat(opps).hasSize(1);
        assertThat(opps.get(0).path("id").asText()).isEqualTo(existing);
        assertThat(delivery.path("atsRefs").path("atsCandidateId").asText()).isEqualTo(existing);
        assertThat(texts(opps.get(0).path("tags"))).contains("Test Board");
    }

    @Test
    void anApplicationOnALinkedPostingIsAppliedOnThatPosting() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1);
        String posting = jobs(t.company, "open").keySet().iterator().next();
        api("PUT", "/companies/" + t.company + "/job-links/pj-job-7", Map.of("atsJobId", posting), 200);
        String email = email("appl");
        String boardApplicationId = unique("pj-app-");
        JsonNode accepted = api("POST", "/companies/" + t.company + "/applications", Map.of("boardApplicationId", boardApplicationId,
                "boardJobId", "pj-job-7", "candidate", Map.of("boardCandidateId", unique("pj-"), "firstName", "Noor", "lastName", "Haddad",
                        "emails", List.of(email))), 202);
        JsonNode delivery = awaitDelivered(accepted.path("deliveryId").asText());

        List<JsonNode> opps = t.opportunities(email);
        assertThat(opps).hasSize(1);
        assertThat(opps.get(0).path("id").asText()).isEqualTo(delivery.path("atsRefs").path("atsApplicationId").asText());
        assertThat(LeverTenant.postingsOf(opps.get(0))).containsExactly(posting);
        assertThat(opps.get(0).path("origin").asText()).isEqualTo("applied");
        assertThat(texts(opps.get(0).path("tags"))).contains("Test Board");

        // the hiring team moves the applicant: the board hears it about this application
        long cursor = cursor(t.company);
        t.control("POST", "/opportunities/" + opps.get(0).path("id").asText() + "/stage", Map.of("stageName", "On-site Interview"));
        assertThat(awaitStatuses(t.company, cursor, 1)).containsExactly("interviewing");
        JsonNode event = events(t.company, cursor, "application.status_changed").get(0);
        assertThat(event.path("data").path("boardApplicationId").asText()).isEqualTo(boardApplicationId);
        assertThat(event.path("data").path("boardJobId").asText()).isEqualTo("pj-job-7");
        assertThat(event.path("data").path("atsJobId").asText()).isEqualTo(posting);

        // an unlinked board job is not exported
        JsonNode notLinked = api("POST", "/companies/" + t.company + "/applications", Map.of("boardApplicationId", unique("pj-app-"),
                "boardJobId", "pj-job-unlinked", "candidate", Map.of("boardCandidateId", unique("pj-"), "firstName", "Ola", "lastName", "Berg",
                        "emails", List.of(email("ola")))), 200);
        assertThat(notLinked.path("exported").asBoolean()).isFalse();
    }

    @Test
    void aLostAnswerStillEndsDeliveredWithExactlyOneOpportunity() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1); // the first import must not take the fault
        t.control("PUT", "/faults", Map.of("commitThenDrop", 1));
        String email = email("dropped");
        JsonNode delivery = awaitDelivered(export(t, unique("pj-"), email));

        assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        List<JsonNode> opps = t.opportunities(email);
        assertThat(opps).hasSize(1);
        assertThat(delivery.path("atsRefs").path("atsCandidateId").asText()).isEqualTo(opps.get(0).path("id").asText());
        assertThat(t.control("GET", "/faults", null).toString()).doesNotContain("\"commitThenDrop\":1");
    }

    @Test
    void a429StormStillEndsDeliveredWithExactlyOneOpportunity() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1);
        t.control("PUT", "/faults", Map.of("rateLimitStorm", 4));
        String email = email("storm");
        JsonNode delivery = awaitDelivered(export(t, unique("pj-"), email));

        assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(t.opportunities(email)).hasSize(1);
    }

    /** Lever is down long enough for the retries to run out: a dead letter the board sees, replayed once Lever is back. */
    @Test
    void aDeadExportIsReportedThenReplayedOnce() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1);
        t.control("PUT", "/faults", Map.of("errorRate", 1.0, "errorStatus", 503));
        String boardCandidateId = unique("pj-");
        String email = email("outage");
        String deliveryId = export(t, boardCandidateId, email);
        JsonNode dead = awaitFinal(deliveryId);
        assertThat(dead.path("status").asText()).as(dead.toString()).isEqualTo("dead");
        assertThat(dead.path("attempts").asInt()).isEqualTo(8);
        assertThat(api("GET", "/companies/" + t.company + "/deliveries?status=dead", null, 200).path("deliveries").findValuesAsText("id"))
                .containsExactly(deliveryId);
        assertThat(events(t.company, 0, "delivery.dead")).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("deliveryId").asText()).isEqualTo(deliveryId));
        t.control("DELETE", "/faults", null);
        assertThat(t.opportunities(email)).isEmpty();
        api("POST", "/deliveries/" + deliveryId + "/retry", null, 202);
        JsonNode delivered = awaitDelivered(deliveryId);
        assertThat(t.opportunities(email)).singleElement()
                .satisfies(o -> assertThat(o.path("id").asText()).isEqualTo(delivered.path("atsRefs").path("atsCandidateId").asText()));
    }

    @Test
    void recruiterMovesInLeverBecomeStatusEvents() {
        LeverTenant t = connected();
        String boardCandidateId = unique("pj-");
        String email = email("moves");
        String opp = awaitDelivered(export(t, boardCandidateId, email)).path("atsRefs").path("atsCandidateId").asText();
        long cursor = cursor(t.company);

        t.control("POST", "/opportunities/" + opp + "/stage", Map.of("stageName", "Phone Screen"));
        assertThat(awaitStatuses(t.company, cursor, 1)).containsExactly("in_review");
        t.control("POST", "/opportunities/" + opp + "/stage", Map.of("stageName", "Screened")); // still in review: no event
        t.control("POST", "/opportunities/" + opp + "/reject", null);
        assertThat(awaitStatuses(t.company, cursor, 2)).containsExactly("in_review", "rejected");
        t.control("POST", "/opportunities/" + opp + "/unarchive", null);
        assertThat(awaitStatuses(t.company, cursor, 3)).containsExactly("in_review", "rejected", "in_review");
        String hired = t.control("GET", "/account", null).path("hiredArchiveReasonId").asText();
        t.control("POST", "/opportunities/" + opp + "/archive", Map.of("reason", hired));

        assertThat(awaitStatuses(t.company, cursor, 4)).containsExactly("in_review", "rejected", "in_review", "hired");
        List<JsonNode> events = events(t.company, cursor, "application.status_changed");
        assertThat(events.get(0).path("data").path("atsStage").asText()).isEqualTo("Phone Screen");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("data").path("boardCandidateId").asText()).isEqualTo(boardCandidateId);
            assertThat(e.path("data").path("atsCandidateId").asText()).isEqualTo(opp);
            assertThat(e.path("data").path("provider").asText()).isEqualTo("lever");
        });
        assertThat(t.inspect(opp).path("archived").path("reason").asText()).isEqualTo(hired);
    }

    /**
     * A recruiter exports a batch of profiles at once with Lever's real rate limit (10 requests/s, bursts of 20) on:
     * the hub paces itself to that budget, so every export lands once, without a 429 retry.
     */
    @Test
    void aBatchOfExportsStaysWithinLeversRateLimit() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1);
        Map<String, String> deliveryByEmail = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            String email = email("batch" + i);
            deliveryByEmail.put(email, export(t, unique("pj-batch-"), email));
        }
        deliveryByEmail.forEach((email, id) -> {
            JsonNode d = awaitDelivered(id);
            assertThat(d.path("attempts").asInt()).as("a 429 was hit: " + d).isEqualTo(1);
        });
        // our own read-back would share the key's budget with the hub: lift the limit for the assertions only
        t.control("PUT", "/settings", Map.of("rateLimitDisabled", true));
        deliveryByEmail.keySet().forEach(email -> assertThat(t.opportunities(email)).as(email).hasSize(1));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
