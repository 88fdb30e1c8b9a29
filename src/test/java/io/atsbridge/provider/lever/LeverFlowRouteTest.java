package io.atsbridge.provider.lever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.model.Screening;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.lever.webhook.LeverSignature;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Lever flows against the Lever sandbox: each test connects its own company to its own sandbox account (a fresh
 * {@code sandbox-} key) and asserts on what the sandbox holds, read back over its HTTP API.
 */
class LeverFlowRouteTest extends LeverRouteTestBase {
    static final String WEBHOOK_TOKEN = "admin-pasted-signature-token";
    @Autowired
    ConnectionService connections;
    @Autowired
    ProducerTemplate template;
    @Autowired
    LeverProvider provider;
    @Autowired
    JdbcTemplate jdbc;
    String key;
    String company;
    ConnectionContext ctx;

    @BeforeEach
    void connect() {
        connect(null);
    }

    void connect(ConnectionSettings settings) {
        key = "sandbox-" + UUID.randomUUID().toString().replace("-", "");
        company = "co-" + UUID.randomUUID().toString().substring(0, 8);
        connections.connect(company, new ConnectRequest("lever", key, null, null, List.of(WEBHOOK_TOKEN), lever(), "admin@" + company + ".example",
                settings, null, null, null));
        ctx = connections.contextForCompany(company).orElseThrow();
        // the first import starts at connect: let it finish so it does not eat the faults a test arms
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from sync_run where company_id = ? and active_connection_id is not null", Integer.class, company) == 0);
    }

    String lever() {
        return base() + "/sandbox/lever";
    }

    Map<String, String> basic() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json");
    }

    JsonNode sandbox(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = send(method, lever() + path, body == null ? null : JSON.writeValueAsString(body), basic());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    List<JsonNode> opportunitiesFor(String email) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        sandbox("GET", "/v1/opportunities?expand=applications&email=" + email, null).path("data").forEach(out::add);
        return out;
    }

    JsonNode inspect(String opportunityId) throws Exception {
        return sandbox("GET", "/_control/opportunities/" + opportunityId, null);
    }

    String newPosting(Map<String, Object> fields) throws Exception {
        return sandbox("POST", "/_control/jobs", fields).path("data").path("id").asText();
    }

    static Candidate candidate(String email) {
        return new Candidate("b-" + email, "Grace", "Hopper", List.of(email), List.of(new Candidate.Phone("+1 555 0100", "mobile")),
                "Compiler pioneer", "Arlington", List.of("https://example.org/grace"), null, null, null, null);
    }

    static String email() {
        return "grace-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    }

    AtsRefs run(String flow, Object body, DeliveryProgress progress) throws Exception {
        Exchange ex = template.send(ProviderFlows.endpoint("lever", flow), e -> {
            e.setProperty(ProviderFlows.CONNECTION, ctx);
            e.setProperty(ProviderFlows.PROGRESS, progress);
            e.getMessage().setBody(body);
        });
        if (ex.getException() != null) {
            throw ex.getException();
        }
        return ex.getMessage().getBody(AtsRefs.class);
    }

    @Test
    void connectResolvesPerformAsAndLabel() {
        assertThat(ctx.state(LeverUsers.PERFORM_AS)).isNotBlank();
        assertThat(connections.find(company).orElseThrow().account()).contains("@");
    }

    @Test
    void connectRegistersOneWebhookPerEventAndKeepsTheirTokens() throws Exception {
        List<String> events = new ArrayList<>();
        for (JsonNode w : sandbox("GET", "/v1/webhooks", null).path("data")) {
            if (ctx.webhookUrl().equals(w.path("url").asText())) {
                events.add(w.path("event").asText());
            }
        }
        assertThat(events).containsExactlyInAnyOrder("applicationCreated", "candidateStageChange", "candidateArchiveChange",
                "candidateHired", "candidateDeleted");
        // the admin's pasted token, ours, and one per registered webhook
        assertThat(ctx.credentials().webhookSecrets()).contains(WEBHOOK_TOKEN).hasSizeGreaterThanOrEqualTo(7);
        // connecting again replaces our registrations instead of piling them up
        connections.connect(company, new ConnectRequest("lever", key, null, null, List.of(), lever(), "admin@x.example", null, null, null, null));
        long ours = 0;
        for (JsonNode w : sandbox("GET", "/v1/webhooks", null).path("data")) {
            if (ctx.webhookUrl().equals(w.path("url").asText())) {
                ours++;
            }
        }
        assertThat(ours).isEqualTo(5);
    }

    @Test
    void exportCreatesASourcedNewLeadOnceAndTagsAKnownPerson() throws Exception {
        String email = email();
        AtsRefs first = run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), new DeliveryProgress(Map.of()));
        AtsRefs second = run(ProviderFlows.CANDIDATE_EXPORT, candidate(email.toUpperCase()), new DeliveryProgress(Map.of()));

        List<JsonNode> opps = opportunitiesFor(email);
        assertThat(opps).hasSize(1);
        JsonNode o = opps.get(0);
        assertThat(first.atsCandidateId()).isEqualTo(o.path("id").asText()).isEqualTo(first.atsApplicationId());
        assertThat(second.atsCandidateId()).isEqualTo(first.atsCandidateId());
        assertThat(second.extra()).containsEntry("deduped", "true");
        assertThat(o.path("origin").asText()).isEqualTo("sourced");
        assertThat(o.path("stage").asText()).isEqualTo("lead-new");
        assertThat(o.path("tags").toString()).contains("Test Board");
        assertThat(o.path("sources").toString()).contains("Test Board");
        assertThat(o.path("headline").asText()).isEqualTo("Compiler pioneer");
        assertThat(o.path("applications")).isEmpty();
    }

    @Test
    void exportOfAPersonAlreadyInLeverAddsTheTagWithoutANewOpportunity() throws Exception {
        String email = email();
        sandbox("POST", "/_control/opportunities", Map.of("name", "Grace Hopper", "emails", List.of(email)));
        assertThat(opportunitiesFor(email)).hasSize(1);
        run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), new DeliveryProgress(Map.of()));
        List<JsonNode> opps = opportunitiesFor(email);
        assertThat(opps).hasSize(1);
        assertThat(opps.get(0).path("tags").toString()).contains("Test Board");
    }

    @Test
    void resumeTravelsAsResumeFile() throws Exception {
        String email = email();
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\nresume of grace\n%%EOF".getBytes(StandardCharsets.UTF_8));
        Candidate c = candidate(email);
        c = new Candidate(c.boardCandidateId(), c.firstName(), c.lastName(), c.emails(), c.phones(), c.headline(), c.location(), c.links(),
                new Candidate.Resume(null, "grace.pdf", pdf), null, null, null);
        AtsRefs refs = run(ProviderFlows.CANDIDATE_EXPORT, c, new DeliveryProgress(Map.of()));
        JsonNode o = inspect(refs.atsCandidateId());
        assertThat(o.toString()).contains("grace.pdf");
    }

    @Test
    void applicationGoesOnThePostingAndIsReused() throws Exception {
        String posting = newPosting(Map.of("text", "Backend Engineer"));
        String email = email();
        run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), new DeliveryProgress(Map.of()));
        BoardApplication app = new BoardApplication("ba-1", "bj-1", posting, candidate(email), Instant.now());
        AtsRefs first = run(ProviderFlows.APPLICATION_SUBMIT, app, new DeliveryProgress(Map.of()));
        AtsRefs again = run(ProviderFlows.APPLICATION_SUBMIT, app, new DeliveryProgress(Map.of()));

        assertThat(again.atsApplicationId()).isEqualTo(first.atsApplicationId());
        List<JsonNode> opps = opportunitiesFor(email);
        assertThat(opps).hasSize(2); // the profile (no posting) and the candidacy on the posting
        JsonNode onPosting = opps.stream().filter(o -> o.path("id").asText().equals(first.atsApplicationId())).findFirst().orElseThrow();
        assertThat(onPosting.path("origin").asText()).isEqualTo("applied");
        assertThat(onPosting.path("applications").toString()).contains(posting);
    }

    @Test
    void applicationOriginComesFromTheCompanySettings() throws Exception {
        connect(new ConnectionSettings("Acme Careers", null, "referred", null, null, null));
        String posting = newPosting(Map.of("text", "Designer"));
        String email = email();
        AtsRefs refs = run(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("ba", "bj", posting, candidate(email), Instant.now()),
                new DeliveryProgress(Map.of()));
        JsonNode o = opportunitiesFor(email).get(0);
        assertThat(o.path("id").asText()).isEqualTo(refs.atsCandidateId());
        assertThat(o.path("origin").asText()).isEqualTo("referred");
        assertThat(o.path("tags").toString()).contains("Acme Careers");
    }

    Screening screening(String email, String posting, Screening.Outcome outcome, String transcript) {
        return new Screening("s-" + UUID.randomUUID(), candidate(email), posting, outcome,
                Base64.getEncoder().encodeToString(transcript.getBytes(StandardCharsets.UTF_8)), "transcript.pdf", null, "summary");
    }

    @Test
    void screeningCreatesUploadsOnceTagsAndMovesToTheConfiguredStage() throws Exception {
        connect(new ConnectionSettings(null, null, null, null,
                new ConnectionSettings.Screening("UW Screened: {outcome}", Map.of("PASSED", "Screened"), null), null));
        String posting = newPosting(Map.of("text", "Support Agent"));
        String email = email();
        Screening s = screening(email, posting, Screening.Outcome.PASSED, "%PDF-1.4 transcript A");
        AtsRefs refs = run(ProviderFlows.SCREENING_ATTACH, s, new DeliveryProgress(Map.of()));
        // the same transcript in another delivery: not uploaded twice
        run(ProviderFlows.SCREENING_ATTACH, screening(email, posting, Screening.Outcome.PASSED, "%PDF-1.4 transcript A"), new DeliveryProgress(Map.of()));

        assertThat(opportunitiesFor(email)).hasSize(1);
        JsonNode o = inspect(refs.atsCandidateId());
        assertThat(o.path("files")).hasSize(1);
        assertThat(o.path("tags").toString()).contains("UW Screened: PASSED");
        String screenedId = null;
        for (JsonNode st : sandbox("GET", "/v1/stages", null).path("data")) {
            if ("Screened".equals(st.path("text").asText())) {
                screenedId = st.path("id").asText();
            }
        }
        assertThat(o.path("stage").isObject() ? o.path("stage").path("id").asText() : o.path("stage").asText()).isEqualTo(screenedId);
        assertThat(o.path("applications").toString()).contains(posting);
    }

    @Test
    void failedScreeningStaysInItsStage() throws Exception {
        connect(new ConnectionSettings(null, null, null, null,
                new ConnectionSettings.Screening(null, Map.of("PASSED", "Screened"), null), null));
        String posting = newPosting(Map.of("text", "Support Agent"));
        String email = email();
        AtsRefs refs = run(ProviderFlows.SCREENING_ATTACH, screening(email, posting, Screening.Outcome.FAILED, "%PDF-1.4 B"), new DeliveryProgress(Map.of()));
        JsonNode o = inspect(refs.atsCandidateId());
        assertThat(o.path("tags").toString()).contains("Test Board Screened: FAILED");
        String stage = o.path("stage").isObject() ? o.path("stage").path("id").asText() : o.path("stage").asText();
        assertThat(stage).isIn("lead-new", "applicant-new");
    }

    @Test
    void aRetryResumesFromTheRecordedProgress() throws Exception {
        String email = email();
        DeliveryProgress progress = new DeliveryProgress(Map.of());
        AtsRefs first = run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), progress);
        assertThat(progress.get("opportunityId")).isEqualTo(first.atsCandidateId());
        // Lever lost the email index (or the person changed address): the recorded id still wins, nothing is created
        AtsRefs again = run(ProviderFlows.CANDIDATE_EXPORT, candidate("other-" + email), progress);
        assertThat(again.atsCandidateId()).isEqualTo(first.atsCandidateId());
        assertThat(opportunitiesFor("other-" + email)).isEmpty();
    }

    @Test
    void rateLimitStormThenRetriesCreateExactlyOnce() throws Exception {
        sandbox("PUT", "/_control/faults", Map.of("rateLimitStorm", 3));
        String email = email();
        DeliveryProgress progress = new DeliveryProgress(Map.of());
        AtsRefs refs = null;
        int rateLimited = 0;
        for (int attempt = 0; attempt < 6 && refs == null; attempt++) {
            try {
                refs = run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), progress);
            } catch (AtsException e) {
                assertThat(e.kind()).isEqualTo(AtsException.Kind.RATE_LIMITED);
                rateLimited++;
            }
        }
        assertThat(rateLimited).isPositive();
        assertThat(refs).isNotNull();
        assertThat(opportunitiesFor(email)).hasSize(1);
    }

    @Test
    void commitThenDropDoesNotDuplicate() throws Exception {
        String email = email();
        sandbox("PUT", "/_control/faults", Map.of("commitThenDrop", 1));
        DeliveryProgress progress = new DeliveryProgress(Map.of());
        assertThatThrownBy(() -> run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), progress))
                .isInstanceOfSatisfying(AtsException.class, e -> assertThat(e.retryable()).isTrue());
        AtsRefs refs = run(ProviderFlows.CANDIDATE_EXPORT, candidate(email), progress);
        List<JsonNode> opps = opportunitiesFor(email);
        assertThat(opps).hasSize(1);
        assertThat(refs.atsCandidateId()).isEqualTo(opps.get(0).path("id").asText());
    }

    @Test
    void importSeesEveryStateIncludingInternalOnlyPublishedPostings() throws Exception {
        String internalOnly = newPosting(Map.of("text", "Internal only", "state", "published", "distributionChannels", List.of("internal")));
        Map<String, String> idsByState = new HashMap<>();
        for (String state : List.of("internal", "closed", "draft", "pending", "rejected")) {
            idsByState.put(state, newPosting(Map.of("text", "Role " + state, "state", state)));
        }
        Map<String, Job> seen = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            JobPage page = provider.fetchJobs(ctx, cursor);
            page.jobs().forEach(j -> seen.put(j.atsJobId(), j));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(cursor).isNull();
        assertThat(seen).containsKey(internalOnly);
        assertThat(seen.get(internalOnly).state()).isEqualTo(JobState.OPEN);
        assertThat(seen.get(idsByState.get("internal")).state()).isEqualTo(JobState.OPEN);
        assertThat(seen.get(idsByState.get("closed")).state()).isEqualTo(JobState.CLOSED);
        assertThat(seen.get(idsByState.get("draft")).state()).isEqualTo(JobState.DRAFT);
        assertThat(seen.get(idsByState.get("pending")).state()).isEqualTo(JobState.DRAFT);
        assertThat(seen.get(idsByState.get("rejected")).state()).isEqualTo(JobState.DRAFT);
        // every posting but the confidential ones (hidden by Lever's default confidentiality; see LeverProvider#fetchJobs)
        int total = sandbox("GET", "/_control/account", null).path("postings").asInt();
        sandbox("PUT", "/_control/settings", Map.of("confidentialAccess", true));
        int confidential = sandbox("GET", "/v1/postings?limit=100&confidentiality=confidential", null).path("data").size();
        assertThat(confidential).isLessThan(total);
        assertThat(seen).hasSize(total - confidential);
    }

    @Test
    void forgedWebhookIsRefusedAndAGenuineOneAccepted() throws Exception {
        String token = "t".repeat(48);
        long at = System.currentTimeMillis();
        String genuine = JSON.writeValueAsString(Map.of("id", "evt-" + UUID.randomUUID(), "event", "candidateHired", "triggeredAt", at,
                "token", token, "signature", LeverSignature.sign(WEBHOOK_TOKEN, token, Long.toString(at)),
                "data", Map.of("opportunityId", "unknown-opp", "candidateId", "unknown-opp")));
        String forged = JSON.writeValueAsString(Map.of("event", "candidateHired", "triggeredAt", at, "token", token,
                "signature", LeverSignature.sign("not-the-token", token, Long.toString(at)), "data", Map.of("opportunityId", "x")));
        Map<String, String> h = Map.of("Content-Type", "application/json", "User-Agent", "Lever-Webhooks");
        assertThat(send("POST", "/webhooks/lever/" + ctx.connectionId(), forged, h).statusCode()).isEqualTo(401);
        // an event about a candidacy we never created is stored and ignored, not an error
        assertThat(send("POST", "/webhooks/lever/" + ctx.connectionId(), genuine, h).statusCode()).isBetween(200, 299);
    }

    String stageId(String name) throws Exception {
        for (JsonNode st : sandbox("GET", "/v1/stages", null).path("data")) {
            if (name.equals(st.path("text").asText())) {
                return st.path("id").asText();
            }
        }
        throw new AssertionError("no stage " + name);
    }

    HttpResponse<String> signedWebhook(String event, Map<String, Object> data) throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef";
        long at = System.currentTimeMillis();
        String body = JSON.writeValueAsString(Map.of("id", "evt-" + UUID.randomUUID(), "event", event, "triggeredAt", at, "token", token,
                "signature", LeverSignature.sign(WEBHOOK_TOKEN, token, Long.toString(at)), "data", data));
        return send("POST", "/webhooks/lever/" + ctx.connectionId(), body, Map.of("Content-Type", "application/json"));
    }

    JsonNode awaitStatus(String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode events = json(get("/api/v1/companies/" + company + "/events?after=0&limit=1000", bearer())).path("events");
            for (JsonNode e : events) {
                if ("application.status_changed".equals(e.path("type").asText()) && status.equals(e.path("data").path("status").asText())) {
                    return e;
                }
            }
            return null;
        }, e -> e != null);
    }

    /** Board API → outbox → Lever flow → sandbox; then Lever's webhooks (ids only) → stage names → board events. */
    @Test
    void endToEndExportThenStatusWebhooks() throws Exception {
        String email = email();
        HttpResponse<String> accepted = send("POST", "/api/v1/companies/" + company + "/candidates/bc-1/exports",
                JSON.writeValueAsString(Map.of("firstName", "Grace", "lastName", "Hopper", "emails", List.of(email))),
                Map.of("Authorization", "Bearer test-token", "Content-Type", "application/json"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String deliveryId = json(accepted).path("deliveryId").asText();
        JsonNode delivery = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> json(get("/api/v1/deliveries/" + deliveryId, bearer())), d -> "delivered".equals(d.path("status").asText()));
        String opp = delivery.path("atsRefs").path("atsCandidateId").asText();
        assertThat(opportunitiesFor(email)).singleElement().satisfies(o -> assertThat(o.path("id").asText()).isEqualTo(opp));

        assertThat(signedWebhook("candidateStageChange", Map.of("opportunityId", opp, "candidateId", opp,
                "fromStageId", "lead-new", "toStageId", stageId("Phone Screen"))).statusCode()).isBetween(200, 299);
        JsonNode inReview = awaitStatus("in_review");
        assertThat(inReview.path("data").path("atsStage").asText()).isEqualTo("Phone Screen");
        assertThat(inReview.path("data").path("atsCandidateId").asText()).isEqualTo(opp);

        String hiredReason = null;
        for (JsonNode r : sandbox("GET", "/v1/archive_reasons", null).path("data")) {
            if ("hired".equals(r.path("type").asText())) {
                hiredReason = r.path("id").asText();
            }
        }
        assertThat(signedWebhook("candidateArchiveChange", Map.of("opportunityId", opp, "candidateId", opp,
                "toArchived", Map.of("archivedAt", System.currentTimeMillis(), "reason", hiredReason))).statusCode()).isBetween(200, 299);
        awaitStatus("hired");
    }

    /**
     * Webhooks the sandbox itself signs and sends (as an admin configured them in Lever's UI, tokens pasted into the
     * connection): a stage move and a hire in "Lever" become board events; a badly signed one changes nothing.
     */
    @Test
    void webhooksSignedByLeverItselfBecomeBoardEvents() throws Exception {
        String url = base() + "/webhooks/lever/" + ctx.connectionId();
        List<String> tokens = new ArrayList<>();
        for (JsonNode w : sandbox("POST", "/_control/webhooks", Map.of("url", url,
                "events", List.of("candidateStageChange", "candidateArchiveChange", "candidateHired"))).path("data")) {
            tokens.add(w.path("configuration").path("signatureToken").asText());
        }
        assertThat(tokens).hasSize(3).allSatisfy(t -> assertThat(t).isNotBlank());
        connections.connect(company, new ConnectRequest("lever", key, null, null, tokens, lever(), "admin@x.example", null, null, null, null));
        ctx = connections.contextForCompany(company).orElseThrow();

        String email = email();
        HttpResponse<String> accepted = send("POST", "/api/v1/companies/" + company + "/candidates/bc-2/exports",
                JSON.writeValueAsString(Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of(email))),
                Map.of("Authorization", "Bearer test-token", "Content-Type", "application/json"));
        String deliveryId = json(accepted).path("deliveryId").asText();
        String opp = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> json(get("/api/v1/deliveries/" + deliveryId, bearer())), d -> "delivered".equals(d.path("status").asText()))
                .path("atsRefs").path("atsCandidateId").asText();

        sandbox("POST", "/_control/webhooks/bad-signature", Map.of("event", "candidateHired", "opportunityId", opp));
        sandbox("POST", "/_control/opportunities/" + opp + "/stage", Map.of("stageName", "On-site Interview"));
        JsonNode interviewing = awaitStatus("interviewing");
        assertThat(interviewing.path("data").path("atsStage").asText()).isEqualTo("On-site Interview");
        assertThat(statuses()).doesNotContain("hired"); // the badly signed "hired" was refused

        sandbox("POST", "/_control/opportunities/" + opp + "/hire", null);
        awaitStatus("hired");
    }

    List<String> statuses() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode e : json(get("/api/v1/companies/" + company + "/events?after=0&limit=1000", bearer())).path("events")) {
            out.add(e.path("data").path("status").asText());
        }
        return out;
    }

    @Test
    void aDroppedTranscriptUploadIsNotRepeatedOnRetry() throws Exception {
        String posting = newPosting(Map.of("text", "Support Agent"));
        String email = email();
        AtsRefs first = run(ProviderFlows.SCREENING_ATTACH, screening(email, posting, Screening.Outcome.INCOMPLETE, "%PDF-1.4 first"),
                new DeliveryProgress(Map.of()));
        // the candidacy exists, so the first write of the next screening is its upload: Lever stores it, the answer is lost
        sandbox("PUT", "/_control/faults", Map.of("commitThenDrop", 1));
        DeliveryProgress progress = new DeliveryProgress(Map.of());
        Screening second = screening(email, posting, Screening.Outcome.PASSED, "%PDF-1.4 second");
        assertThatThrownBy(() -> run(ProviderFlows.SCREENING_ATTACH, second, progress)).isInstanceOf(AtsException.class);
        assertThat(progress.get("opportunityId")).isEqualTo(first.atsCandidateId());
        run(ProviderFlows.SCREENING_ATTACH, second, progress);
        JsonNode o = inspect(first.atsCandidateId());
        assertThat(o.path("files")).hasSize(2);
        assertThat(o.path("tags").toString()).contains("Test Board Screened: INCOMPLETE", "Test Board Screened: PASSED");
        assertThat(opportunitiesFor(email)).hasSize(1);
    }

    @Test
    void refusedCredentialsAndUnknownActAsUserAreExplained() {
        String other = "co-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> connections.connect(other, new ConnectRequest("lever", "not-a-sandbox-key", null, null, List.of(), lever(),
                "a@x.example", null, null, null, null)))
                .isInstanceOfSatisfying(io.atsbridge.core.HubException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> connections.connect(other, new ConnectRequest("lever", "sandbox-" + UUID.randomUUID().toString().replace("-", ""),
                "nobody@nowhere.example", null, List.of(), lever(), "a@x.example", null, null, null, null)))
                .isInstanceOfSatisfying(io.atsbridge.core.HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("no active Lever user with email nobody@nowhere.example");
                });
        assertThat(connections.find(other)).isEmpty();
    }
}
