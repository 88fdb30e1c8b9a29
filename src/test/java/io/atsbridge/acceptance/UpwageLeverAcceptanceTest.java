package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upwage × Lever (seed guide 004): a screener result for a Lever posting lands on the candidate's opportunity on that
 * posting (created when missing) with the SuperScreener PDF attached once, the company's outcome tag, and the
 * stage configured for the outcome.
 */
class UpwageLeverAcceptanceTest extends AcceptanceTestBase {
    static final Map<String, Object> SETTINGS = Map.of("screening",
            Map.of("tagTemplate", "UW Screened: {outcome}", "stageByOutcome", Map.of("PASSED", "Screened")));

    LeverTenant connected() {
        return new LeverTenant(this, "upwage").connect(SETTINGS);
    }

    static Map<String, Object> screening(String screeningId, String email, String posting, String outcome, byte[] transcript) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("screeningId", screeningId);
        m.put("candidate", Map.of("firstName", "Jordan", "lastName", "Reyes", "emails", List.of(email)));
        m.put("atsJobId", posting);
        m.put("outcome", outcome);
        m.put("transcript", Map.of("fileName", "SuperScreener-" + screeningId + ".pdf",
                "contentBase64", Base64.getEncoder().encodeToString(transcript)));
        m.put("summary", "Answered all knock-out questions; available weekends.");
        return m;
    }

    String post(LeverTenant t, Map<String, Object> screening) {
        return api("POST", "/companies/" + t.company + "/screenings", screening, 202).path("deliveryId").asText();
    }

    @Test
    void aPassedScreeningCreatesTheOpportunityAttachesThePdfOnceTagsAndMovesIt() throws Exception {
        LeverTenant t = connected();
        assertThat(t.connection.path("settings").path("screening").path("tagTemplate").asText()).isEqualTo("UW Screened: {outcome}");
        String posting = t.newPosting(Map.of("text", "Warehouse Associate", "confidentiality", "non-confidential"));
        String email = email("jordan");
        byte[] pdf = transcriptPdf();
        Map<String, Object> body = screening(unique("uw-"), email, posting, "PASSED", pdf);

        String deliveryId = post(t, body);
        JsonNode delivery = awaitDelivered(deliveryId);
        String opp = delivery.path("atsRefs").path("atsCandidateId").asText();

        List<JsonNode> opps = t.opportunities(email);
        assertThat(opps).hasSize(1);
        assertThat(opps.get(0).path("id").asText()).isEqualTo(opp);
        assertThat(LeverTenant.postingsOf(opps.get(0))).containsExactly(posting);
        JsonNode files = t.lever("GET", "/v1/opportunities/" + opp + "/files", null).path("data");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("name").asText()).endsWith(".pdf");
        JsonNode held = t.inspect(opp);
        assertThat(held.path("files")).singleElement()
                .satisfies(f -> assertThat(f.path("sha256").asText()).isEqualTo(sha256(pdf)));
        assertThat(PurposeJobsLeverAcceptanceTest.texts(held.path("tags"))).contains("UW Screened: PASSED");
        assertThat(LeverTenant.stageOf(held)).isEqualTo(t.stageId("Screened"));

        // Upwage sends the same result again: the same delivery, and the PDF is still there once
        JsonNode again = api("POST", "/companies/" + t.company + "/screenings", body, 202);
        assertThat(again.path("deliveryId").asText()).isEqualTo(deliveryId);
        awaitDelivered(deliveryId);
        assertThat(t.lever("GET", "/v1/opportunities/" + opp + "/files", null).path("data")).hasSize(1);
        assertThat(t.opportunities(email)).hasSize(1);

        // another result under the same screening id is a conflict, not a second send
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("outcome", "FAILED");
        Resp conflict = api("POST", "/companies/" + t.company + "/screenings", changed);
        assertThat(conflict.status()).as(conflict.raw()).isEqualTo(409);
        assertThat(PurposeJobsLeverAcceptanceTest.texts(t.inspect(opp).path("tags"))).doesNotContain("UW Screened: FAILED");
    }

    @Test
    void aTranscriptThatIsNotAPdfIsRefusedAndNothingIsSent() {
        LeverTenant t = connected();
        String posting = t.newPosting(Map.of("text", "Barista", "confidentiality", "non-confidential"));
        String email = email("notpdf");
        String screeningId = unique("uw-");
        Map<String, Object> body = screening(screeningId, email, posting, "PASSED",
                "Transcript: Q1 yes, Q2 yes".getBytes(StandardCharsets.UTF_8));

        Resp r = api("POST", "/companies/" + t.company + "/screenings", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.path("field").asText()).isEqualTo("transcript.contentBase64");
        assertThat(api("GET", "/companies/" + t.company + "/deliveries", null, 200).path("deliveries")).isEmpty();
        assertThat(t.opportunities(email)).isEmpty();
    }

    @Test
    void aFailedScreeningWithNoStageRuleIsTaggedAndStaysInItsStage() {
        LeverTenant t = connected();
        String posting = t.newPosting(Map.of("text", "Delivery Driver", "confidentiality", "non-confidential"));
        String email = email("failed");
        // the candidate already applied in Lever and a recruiter put them in Phone Screen
        String opp = t.control("POST", "/opportunities", Map.of("name", "Jordan Reyes", "emails", List.of(email), "postingId", posting))
                .path("data").path("id").asText();
        t.control("POST", "/opportunities/" + opp + "/stage", Map.of("stageName", "Phone Screen"));

        JsonNode delivery = awaitDelivered(post(t, screening(unique("uw-"), email, posting, "FAILED", transcriptPdf())));

        assertThat(delivery.path("atsRefs").path("atsCandidateId").asText()).isEqualTo(opp);
        assertThat(t.opportunities(email)).hasSize(1);
        JsonNode held = t.inspect(opp);
        assertThat(PurposeJobsLeverAcceptanceTest.texts(held.path("tags"))).contains("UW Screened: FAILED").doesNotContain("UW Screened: PASSED");
        assertThat(LeverTenant.stageOf(held)).isEqualTo(t.stageId("Phone Screen"));
        assertThat(held.path("files")).hasSize(1);
    }

    /** The person is in Lever only as a sourced lead: the screener result goes to an opportunity on the posting. */
    @Test
    void aLeadWithoutThePostingGetsAnOpportunityOnThePosting() {
        LeverTenant t = connected();
        String posting = t.newPosting(Map.of("text", "Cashier", "confidentiality", "non-confidential"));
        String email = email("lead");
        String lead = t.control("POST", "/opportunities", Map.of("name", "Jordan Reyes", "emails", List.of(email), "origin", "sourced"))
                .path("data").path("id").asText();

        String opp = awaitDelivered(post(t, screening(unique("uw-"), email, posting, "PASSED", transcriptPdf())))
                .path("atsRefs").path("atsCandidateId").asText();

        assertThat(opp).isNotEqualTo(lead);
        assertThat(t.opportunities(email)).hasSize(2);
        assertThat(LeverTenant.postingsOf(t.inspect(opp))).containsExactly(posting);
        assertThat(t.inspect(opp).path("files")).hasSize(1);
        assertThat(t.inspect(lead).path("files")).isEmpty();
        assertThat(PurposeJobsLeverAcceptanceTest.texts(t.inspect(lead).path("tags"))).doesNotContain("UW Screened: PASSED");
    }

    /** A board that links its jobs may name the board job instead of the Lever posting id. */
    @Test
    void aScreeningMayNameALinkedBoardJob() {
        LeverTenant t = connected();
        awaitSyncCompleted(t.company, 1);
        String posting = jobs(t.company, "open").keySet().iterator().next();
        api("PUT", "/companies/" + t.company + "/job-links/uw-job-1", Map.of("atsJobId", posting), 200);
        String email = email("linked");
        Map<String, Object> body = screening(unique("uw-"), email, null, "PASSED", transcriptPdf());
        body.remove("atsJobId");
        body.put("boardJobId", "uw-job-1");

        String opp = awaitDelivered(post(t, body)).path("atsRefs").path("atsCandidateId").asText();
        assertThat(LeverTenant.postingsOf(t.inspect(opp))).containsExactly(posting);

        body.put("screeningId", unique("uw-"));
        body.put("boardJobId", "uw-job-unlinked");
        Resp r = api("POST", "/companies/" + t.company + "/screenings", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.path("field").asText()).isEqualTo("boardJobId");
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
