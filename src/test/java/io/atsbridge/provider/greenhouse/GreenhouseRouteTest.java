package io.atsbridge.provider.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.HubException;
import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderFlows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Greenhouse provider against the Greenhouse sandbox, through the real paths ({@code <baseUrl>/v1/partner/...},
 * {@code <baseUrl>/v1/boards/...}): each test opens its own sandbox account with a fresh {@code sandbox-} key,
 * connects its own company, and asserts on what the sandbox holds, read back over its control API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseRouteTest {
    static final String USER = "integrations@demo.example";

    @LocalServerPort int port;
    @Autowired ConnectionService connections;
    @Autowired ProducerTemplate producer;
    @Autowired io.atsbridge.core.status.ReferenceRepository references;
    @Autowired GreenhouseProvider provider;
    @Autowired GreenhouseProperties props;
    @Autowired JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    String key;
    String company;
    String boardToken;
    String webhookSecret;
    ConnectionContext ctx;

    @BeforeEach
    void connect() throws Exception {
        key = "sandbox-" + UUID.randomUUID().toString().replace("-", "");
        company = "co-" + UUID.randomUUID().toString().substring(0, 8);
        boardToken = control("GET", "/account", null).get("board_token").asText();
        ConnectionService.Connected c = connections.connect(company, request(key, USER, boardToken));
        webhookSecret = c.webhookSecret();
        ctx = connections.contextForCompany(company).orElseThrow();
        // the first import starts at connect: let it finish so it does not take the faults a test arms
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from sync_run where company_id = ? and active_connection_id is not null", Integer.class, company) == 0);
    }

    ConnectRequest request(String apiKey, String onBehalfOf, String jobBoardToken) {
        return new ConnectRequest("greenhouse", apiKey, onBehalfOf, jobBoardToken, null, greenhouse(), "admin@" + company + ".example",
                null, null, null, null);
    }

    String greenhouse() {
        return "http://localhost:" + port + "/sandbox/greenhouse";
    }

    JsonNode control(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(greenhouse() + "/_control" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return json.readTree(r.body());
    }

    Exchange send(String flow, Object body, DeliveryProgress progress) {
        // what the outbox's delivery row does in production: the board candidate is known as ours before we send
        String boardCandidateId = body instanceof Candidate c ? c.boardCandidateId()
                : body instanceof BoardApplication a ? a.candidate().boardCandidateId() : null;
        if (boardCandidateId != null) {
            references.upsertCandidate(ctx.connectionId(), ctx.companyId(), boardCandidateId, null, java.time.Instant.now());
        }
        return producer.send(ProviderFlows.endpoint("greenhouse", flow), e -> {
            e.getIn().setBody(body);
            e.setProperty(ProviderFlows.CONNECTION, ctx);
            e.setProperty(ProviderFlows.PROGRESS, progress);
        });
    }

    static Candidate candidate(String boardId) {
        return new Candidate(boardId, "Katherine", "Johnson", List.of("katherine@example.com"),
                List.of(new Candidate.Phone("+1 757 555 0100", "mobile")), "Orbital mechanics", "Hampton, VA",
                List.of("https://www.linkedin.com/in/kjohnson", "https://kj.example"),
                new Candidate.Resume("https://files.example/kj.pdf", "kj.pdf", null), "NASA", "Research Mathematician", "Calculated trajectories");
    }

    /** An open job with a live post, from the sandbox's own view. */
    JsonNode openLiveJob() throws Exception {
        for (JsonNode j : control("GET", "/jobs", null)) {
            boolean live = false;
            for (JsonNode p : j.path("job_posts")) {
                live |= p.path("live").asBoolean();
            }
            if ("open".equals(j.path("status").asText()) && live) {
                return j;
            }
        }
        throw new AssertionError("the demo company has no open job with a live post");
    }

    @Test
    void refusedKeyUnknownUserMissingUserAndUnknownBoardAre422() {
        String other = "co-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> connections.connect(other, request("live-key-not-a-sandbox-key", USER, null)))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Greenhouse refused the key or the On-Behalf-Of user");
                });
        assertThatThrownBy(() -> connections.connect(other, request(key, "nobody@demo.example", null)))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Greenhouse refused the key or the On-Behalf-Of user");
                });
        assertThatThrownBy(() -> connections.connect(other, request(key, null, null)))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    // a required field is named in a 400 before Greenhouse is asked
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("onBehalfOf");
                });
        assertThatThrownBy(() -> connections.connect(other, request(key, USER, "no-such-board-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("unknown job board token");
                });
        assertThat(connections.find(other)).isEmpty();
        assertThat(ctx.providerState()).containsKey("userId");
    }

    @Test
    void exportCreatesOneProspectWithEveryFieldSourcedToThePartner() throws Exception {
        String boardId = "cand-" + UUID.randomUUID();
        DeliveryProgress progress = new DeliveryProgress(Map.of());

        Exchange ex = send(ProviderFlows.CANDIDATE_EXPORT, candidate(boardId), progress);

        assertThat(ex.getException()).isNull();
        AtsRefs refs = ex.getMessage().getBody(AtsRefs.class);
        JsonNode found = control("GET", "/candidates?external_id=" + boardId, null);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText()).isEqualTo(refs.atsCandidateId());
        assertThat(found.get(0).path("applications").get(0).get("id").asText()).isEqualTo(refs.atsApplicationId());
        assertThat(refs.extra()).containsKey("profileUrl");

        JsonNode person = control("GET", "/candidates/" + refs.atsCandidateId(), null);
        assertThat(person.get("first_name").asText()).isEqualTo("Katherine");
        assertThat(person.get("last_name").asText()).isEqualTo("Johnson");
        assertThat(person.get("company").asText()).isEqualTo("NASA");
        assertThat(person.get("title").asText()).isEqualTo("Research Mathematician");
        assertThat(person.get("email_addresses").toString()).contains("katherine@example.com");
        assertThat(person.get("phone_numbers").toString()).contains("+1 757 555 0100");
        assertThat(person.get("social_media_addresses").toString()).contains("linkedin.com/in/kjohnson");
        assertThat(person.get("website_addresses").toString()).contains("https://kj.example");
        assertThat(person.get("addresses").toString()).contains("Hampton, VA");
        JsonNode app = person.get("applications").get(0);
        assertThat(app.get("prospect").asBoolean()).isTrue();
        JsonNode source = app.get("source");
        String partner = control("GET", "/account", null).path("partner_source").path("name").asText();
        assertThat(source.has("name") ? source.get("name").asText() : source.path("public_name").asText()).isEqualTo(partner);

        // a retry of a delivery whose ids are recorded sends nothing
        send(ProviderFlows.CANDIDATE_EXPORT, candidate(boardId), progress);
        assertThat(control("GET", "/candidates?external_id=" + boardId, null)).hasSize(1);
    }

    @Test
    void applicationLandsOnTheLinkedJob() throws Exception {
        JsonNode job = openLiveJob();
        String boardId = "cand-" + UUID.randomUUID();

        Exchange ex = send(ProviderFlows.APPLICATION_SUBMIT,
                new BoardApplication("app-" + UUID.randomUUID(), "bjob-1", job.get("id").asText(), candidate(boardId), null),
                new DeliveryProgress(Map.of()));

        assertThat(ex.getException()).isNull();
        AtsRefs refs = ex.getMessage().getBody(AtsRefs.class);
        JsonNode app = control("GET", "/applications/" + refs.atsApplicationId(), null);
        assertThat(app.get("prospect").asBoolean()).isFalse();
        assertThat(app.get("jobs").get(0).get("id").asText()).isEqualTo(job.get("id").asText());
        assertThat(app.path("candidate").path("external_id").asText()).isEqualTo(boardId);
        assertThat(app.path("candidate").path("id").asText()).isEqualTo(refs.atsCandidateId());
    }

    @Test
    void applicationToAJobGreenhouseDoesNotKnowIsRefused() {
        Exchange ex = send(ProviderFlows.APPLICATION_SUBMIT,
                new BoardApplication("app-x", "bjob-x", "999999999", candidate("cand-" + UUID.randomUUID()), null),
                new DeliveryProgress(Map.of()));
        assertThat(ex.getException()).isInstanceOfSatisfying(AtsException.class,
                e -> assertThat(e.retryable()).as(e.kind() + ": " + e.getMessage()).isFalse());
    }

    @Test
    void fetchJobsReadsOpenJobsEnrichedWithBoardContent() throws Exception {
        JobPage page = provider.fetchJobs(ctx, null);

        assertThat(page.last()).isTrue();
        List<String> open = new ArrayList<>();
        List<String> openWithoutLivePost = new ArrayList<>();
        for (JsonNode j : control("GET", "/jobs", null)) {
            if ("open".equals(j.path("status").asText())) {
                open.add(j.get("id").asText());
                boolean live = false;
                for (JsonNode p : j.path("job_posts")) {
                    live |= p.path("live").asBoolean();
                }
                if (!live) {
                    openWithoutLivePost.add(j.get("id").asText());
                }
            }
        }
        assertThat(page.jobs()).extracting(Job::atsJobId).containsExactlyInAnyOrderElementsOf(open);
        assertThat(page.jobs()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.OPEN));
        assertThat(openWithoutLivePost).isNotEmpty();
        for (Job j : page.jobs()) {
            if (openWithoutLivePost.contains(j.atsJobId())) {
                assertThat(j.url()).isNull();
                assertThat(j.descriptionHtml()).isEmpty();
            } else {
                assertThat(j.url()).as(j.atsJobId()).contains("/" + boardToken + "/jobs/");
                // decoded exactly once: tags are HTML again, text that shows a literal "<" or "&" stays encoded
                assertThat(j.descriptionHtml()).as(j.atsJobId()).startsWith("<").doesNotContain("&lt;p&gt;").doesNotContain("&amp;amp;");
                assertThat(j.location()).isNotBlank();
                assertThat(j.department()).isNotBlank();
                assertThat(j.updatedAt()).isNotNull();
            }
        }
    }

    @Test
    void pollStatusesReadsWhatTheRecruiterDid() throws Exception {
        JsonNode job = openLiveJob();
        AtsRefs a = send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("app-a", "bj", job.get("id").asText(),
                candidate("cand-" + UUID.randomUUID()), null), new DeliveryProgress(Map.of())).getMessage().getBody(AtsRefs.class);
        AtsRefs b = send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("app-b", "bj", job.get("id").asText(),
                candidate("cand-" + UUID.randomUUID()), null), new DeliveryProgress(Map.of())).getMessage().getBody(AtsRefs.class);
        control("POST", "/applications/" + a.atsApplicationId() + "/move", Map.of("stage", "Phone Screen"));
        control("POST", "/applications/" + b.atsApplicationId() + "/reject", Map.of());

        List<AtsSignal> signals = provider.pollStatuses(ctx, List.of(a.atsCandidateId(), b.atsCandidateId(), "999999999"));

        assertThat(signals).hasSize(2);
        assertThat(signals).anySatisfy(s -> {
            AtsSignal.Status st = (AtsSignal.Status) s;
            assertThat(st.atsApplicationId()).isEqualTo(a.atsApplicationId());
            assertThat(st.kind()).isEqualTo(Kind.STAGE);
            assertThat(st.stageName()).isEqualTo("Phone Screen");
        });
        assertThat(signals).anySatisfy(s -> {
            AtsSignal.Status st = (AtsSignal.Status) s;
            assertThat(st.atsApplicationId()).isEqualTo(b.atsApplicationId());
            assertThat(st.kind()).isEqualTo(Kind.REJECTED);
        });
        assertThat(provider.pollStatuses(ctx, List.of("999999999"))).isEmpty();
    }

    @Test
    void sandboxWebhooksAreVerifiedOnTheirRawBytesAndApplied() throws Exception {
        JsonNode hook = control("POST", "/webhooks", Map.of("name", "atsbridge", "url",
                "http://localhost:" + port + "/webhooks/greenhouse/" + ctx.connectionId(), "secret", webhookSecret,
                "events", List.of("new_candidate_application", "candidate_stage_change")));
        assertThat(hook.get("active").asBoolean()).as("the ping got 200").isTrue();
        JsonNode job = openLiveJob();
        AtsRefs refs = send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("app-w", "bj", job.get("id").asText(),
                candidate("cand-" + UUID.randomUUID()), null), new DeliveryProgress(Map.of())).getMessage().getBody(AtsRefs.class);
        control("POST", "/applications/" + refs.atsApplicationId() + "/move", Map.of("stage", "Phone Screen"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select status, ats_stage from application_ref where connection_id = ? and ats_application_id = ?",
                ctx.connectionId(), refs.atsApplicationId()))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("ats_stage")).isEqualTo("Phone Screen");
                    assertThat(row.get("status")).isEqualTo("in_review");
                }));
        assertThat(jdbc.queryForList("select event_type from webhook_receipt where connection_id = ? and verdict = 'processed'",
                String.class, ctx.connectionId())).contains("new_candidate_application", "candidate_stage_change");

        // a delivery signed with the wrong secret is refused and changes nothing
        control("POST", "/webhooks/switches", Map.of("bad_signature_next", 1));
        control("POST", "/applications/" + refs.atsApplicationId() + "/move", Map.of("stage", "Offer"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_receipt where connection_id = ? and verdict = 'rejected'", Integer.class, ctx.connectionId()) > 0);
        assertThat(jdbc.queryForObject("select ats_stage from application_ref where connection_id = ? and ats_application_id = ?",
                String.class, ctx.connectionId(), refs.atsApplicationId())).isEqualTo("Phone Screen");
    }

    String status(String atsApplicationId) {
        return jdbc.queryForObject("select status from application_ref where connection_id = ? and ats_application_id = ?",
                String.class, ctx.connectionId(), atsApplicationId);
    }

    String jobState(String atsJobId) {
        return jdbc.queryForObject("select state from job where connection_id = ? and ats_job_id = ?", String.class, ctx.connectionId(), atsJobId);
    }

    @Test
    void everyLifecycleWebhookOfTheSandboxIsTranslated() throws Exception {
        JsonNode hook = control("POST", "/webhooks", Map.of("name", "atsbridge", "url",
                "http://localhost:" + port + "/webhooks/greenhouse/" + ctx.connectionId(), "secret", webhookSecret, "events", "all"));
        assertThat(hook.get("active").asBoolean()).isTrue();
        JsonNode job = openLiveJob();
        AtsRefs refs = send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("app-l", "bj", job.get("id").asText(),
                candidate("cand-" + UUID.randomUUID()), null), new DeliveryProgress(Map.of())).getMessage().getBody(AtsRefs.class);
        String app = refs.atsApplicationId();
        Duration max = Duration.ofSeconds(20);
        await().atMost(max).until(() -> jdbc.queryForObject("select count(*) from application_ref where connection_id = ? and ats_application_id = ?",
                Integer.class, ctx.connectionId(), app) == 1 && "applied".equals(status(app)));

        control("POST", "/applications/" + app + "/reject", Map.of());
        await().atMost(max).until(() -> "rejected".equals(status(app)));
        control("POST", "/applications/" + app + "/unreject", Map.of());
        await().atMost(max).until(() -> "applied".equals(status(app))); // back to its stage, Application Review
        control("POST", "/applications/" + app + "/hire", Map.of()); // the reduced payload: no status, no stage
        await().atMost(max).until(() -> "hired".equals(status(app)));
        control("DELETE", "/candidates/" + refs.atsCandidateId(), null);
        await().atMost(max).until(() -> "withdrawn".equals(status(app)));

        // jobs: unpublish and republish a post, close and delete a job
        String jobId = job.get("id").asText();
        String postId = null;
        for (JsonNode p : job.get("job_posts")) {
            if (p.path("live").asBoolean()) {
                postId = p.get("id").asText();
            }
        }
        assertThat(jobState(jobId)).isEqualTo("open");
        control("POST", "/job_posts/" + postId + "/live", Map.of("live", false));
        await().atMost(max).until(() -> "closed".equals(jobState(jobId)));
        control("POST", "/job_posts/" + postId + "/live", Map.of("live", true));
        await().atMost(max).until(() -> "open".equals(jobState(jobId)));
        String description = jdbc.queryForObject("select description_html from job where connection_id = ? and ats_job_id = ?",
                String.class, ctx.connectionId(), jobId);
        assertThat(description).as("a webhook upsert carries the board content, as the import does").isNotBlank();
        control("POST", "/jobs/" + jobId + "/close", null);
        await().atMost(max).until(() -> "closed".equals(jobState(jobId)));
        control("DELETE", "/jobs/" + jobId, null);
        await().atMost(max).until(() -> "deleted".equals(jobState(jobId)));
        assertThat(jdbc.queryForList("select verdict from webhook_receipt where connection_id = ?", String.class, ctx.connectionId()))
                .doesNotContain("failed", "rejected");
    }

    @Test
    void aLostAnswerIsReconciledFromTheWebhookAndNeverSentTwice() throws Exception {
        Duration window = props.getReconcileWindow();
        props.setReconcileWindow(Duration.ofSeconds(3));
        try {
            JsonNode hook = control("POST", "/webhooks", Map.of("name", "atsbridge", "url",
                    "http://localhost:" + port + "/webhooks/greenhouse/" + ctx.connectionId(), "secret", webhookSecret,
                    "events", List.of("new_prospect_application")));
            assertThat(hook.get("active").asBoolean()).isTrue();
            control("PUT", "/faults", Map.of("commitThenDrop", 1));
            String boardId = "cand-" + UUID.randomUUID();

            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/companies/" + company + "/candidates/" + boardId + "/exports"))
                    .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("firstName", "Dorothy", "lastName", "Vaughan",
                            "emails", List.of("dorothy@example.com"))))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String deliveryId = json.readTree(accepted.body()).get("deliveryId").asText();

            await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(jdbc.queryForObject(
                    "select status from delivery where id = ?", String.class, deliveryId)));
            JsonNode progress = json.readTree(jdbc.queryForObject("select progress from delivery where id = ?", String.class, deliveryId));
            assertThat(progress.path("ambiguous").asText()).isEqualTo("true");
            assertThat(progress.path("reconciled").asText()).isEqualTo("true");
            JsonNode inGreenhouse = control("GET", "/candidates?external_id=" + boardId, null);
            assertThat(inGreenhouse).as("exactly one person in Greenhouse").hasSize(1);
            JsonNode refs = json.readTree(jdbc.queryForObject("select ats_refs from delivery where id = ?", String.class, deliveryId));
            assertThat(refs.path("atsCandidateId").asText()).isEqualTo(inGreenhouse.get(0).get("id").asText());
        } finally {
            props.setReconcileWindow(window);
        }
    }
}
