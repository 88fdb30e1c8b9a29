package io.atsbridge.provider.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.http.AtsHttp;
import io.atsbridge.core.http.RateBudgets;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.Credentials;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ValidationResult;
import io.atsbridge.core.provider.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire: auth headers, paths under a baseUrl, error mapping, chunking. */
class GreenhouseClientTest {
    private final FakeGreenhouse gh = new FakeGreenhouse();
    private final GreenhouseProperties props = new GreenhouseProperties();
    private final GreenhouseClient client = new GreenhouseClient(new AtsHttp(new RateBudgets(), new ObjectMapper()), props);
    private final GreenhouseProvider provider = new GreenhouseProvider(client, props, List.of(new PartnerJobSource(client)));

    @AfterEach
    void stop() {
        gh.close();
    }

    private ConnectionContext ctx(String onBehalfOf, String boardToken) {
        return new ConnectionContext("con_" + UUID.randomUUID(), "acme", "greenhouse", gh.baseUrl() + "/", null,
                new Credentials("partner-key", onBehalfOf, boardToken, null, null, null, List.of()), null, Map.of(), null);
    }

    @Test
    void validateSendsBasicKeyAndOnBehalfOfAndLabelsTheUser() throws Exception {
        gh.on("GET /v1/partner/current_user", 200,
                "{\"full_name\":\"Integration User\",\"first_name\":\"Integration\",\"last_name\":\"User\",\"email\":\"ops@acme.example\",\"id\":4080,\"new\":1}");
        gh.on("GET /v1/boards/acme/jobs", 200, "{\"jobs\":[],\"meta\":{\"total\":0}}");

        ValidationResult r = provider.validate(ctx("ops@acme.example", "acme"));

        assertThat(r.accountLabel()).isEqualTo("Integration User (ops@acme.example)");
        assertThat(r.providerState()).containsExactly(Map.entry("userId", "4080"));
        FakeGreenhouse.Seen me = gh.seen.get(0);
        assertThat(me.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("partner-key:".getBytes(StandardCharsets.UTF_8)));
        assertThat(me.header("On-Behalf-Of")).isEqualTo("ops@acme.example");
        FakeGreenhouse.Seen board = gh.seen.get(1);
        assertThat(board.path()).isEqualTo("/v1/boards/acme/jobs");
        assertThat(board.header("Authorization")).isNull();
        assertThat(board.header("On-Behalf-Of")).isNull();
    }

    @Test
    void refusedKeyOrUserIsAuthWithOurMessage() {
        gh.on("GET /v1/partner/current_user", 401, "{\"errors\":[{\"message\":\"Unauthorized\"}]}");
        assertThatThrownBy(() -> provider.validate(ctx("nobody@acme.example", null)))
                .isInstanceOfSatisfying(AtsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AtsException.Kind.AUTH);
                    assertThat(e.getMessage()).isEqualTo("Greenhouse refused the key or the On-Behalf-Of user");
                });
    }

    @Test
    void onBehalfOfIsRequiredBeforeAnyCall() {
        assertThatThrownBy(() -> provider.validate(ctx(" ", null)))
                .isInstanceOfSatisfying(AtsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AtsException.Kind.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("onBehalfOf (the Greenhouse user email) is required");
                });
        assertThat(gh.seen).isEmpty();
    }

    @Test
    void unknownBoardTokenIsRefused() {
        gh.on("GET /v1/partner/current_user", 200, "{\"full_name\":\"U\",\"email\":\"u@acme.example\",\"id\":1}");
        assertThatThrownBy(() -> provider.validate(ctx("u@acme.example", "nope")))
                .isInstanceOfSatisfying(AtsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AtsException.Kind.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("unknown job board token");
                });
    }

    @Test
    void fetchJobsMergesPartnerJobsWithBoardContentInOnePage() throws Exception {
        gh.on("GET /v1/partner/jobs", 200, new String(Fixtures.bytes("partner-jobs.json"), StandardCharsets.UTF_8));
        gh.on("GET /v1/boards/acme/jobs", 200, new String(Fixtures.bytes("board-jobs.json"), StandardCharsets.UTF_8));

        JobPage page = provider.fetchJobs(ctx("u@acme.example", "acme"), null);

        assertThat(page.last()).isTrue();
        assertThat(page.jobs()).extracting(Job::atsJobId).containsExactly("4012345002", "4012345003", "4012345004");
        assertThat(page.jobs().get(0).descriptionHtml()).startsWith("<p>Build &amp; ship");
        assertThat(gh.seen).extracting(FakeGreenhouse.Seen::path).containsExactly("/v1/partner/jobs", "/v1/boards/acme/jobs");
        assertThat(gh.seen.get(1).query()).isEqualTo("content=true");
    }

    @Test
    void aBoardTokenThatStoppedWorkingFailsTheImportInsteadOfBlankingDescriptions() {
        gh.on("GET /v1/partner/jobs", 200, "[{\"id\":1,\"name\":\"A\",\"status\":\"open\",\"public\":true}]");
        assertThatThrownBy(() -> provider.fetchJobs(ctx("u@acme.example", "gone"), null))
                .isInstanceOfSatisfying(AtsException.class, e -> assertThat(e.kind()).isEqualTo(AtsException.Kind.REFUSED));
    }

    @Test
    void pollStatusesAsksInChunksAndSkipsIdsThatCannotBeGreenhouseIds() throws Exception {
        props.setPollChunkSize(2);
        gh.on("GET /v1/partner/candidates", 200, new String(Fixtures.bytes("partner-candidates.json"), StandardCharsets.UTF_8));

        List<AtsSignal> signals = provider.pollStatuses(ctx("u@acme.example", null), List.of("53883394", "53883395", "board-x", "7", "7"));

        assertThat(gh.seen).extracting(FakeGreenhouse.Seen::query)
                .containsExactly("candidate_ids=53883394,53883395", "candidate_ids=7");
        assertThat(signals).isNotEmpty();
    }

    @Test
    void jobWebhooksUpsertTheJobAsTheImportReadsItSoContentNeverFlipFlops() throws Exception {
        gh.on("GET /v1/partner/jobs", 200, new String(Fixtures.bytes("partner-jobs.json"), StandardCharsets.UTF_8));
        gh.on("GET /v1/boards/acme/jobs", 200, new String(Fixtures.bytes("board-jobs.json"), StandardCharsets.UTF_8));
        ConnectionContext c = ctx("u@acme.example", "acme");
        Job imported = provider.fetchJobs(c, null).jobs().get(0);

        List<AtsSignal> created = provider.parseWebhook(c, new WebhookRequest(Map.of(), Fixtures.bytes("webhook-job-post-created.json")));
        assertThat(created).containsExactly(new AtsSignal.JobChange("4012345002", AtsSignal.JobChange.Kind.UPSERT, imported));
        assertThat(imported.descriptionHtml()).isNotBlank();

        // closing needs no read; a job the user cannot list is left to the import
        int calls = gh.seen.size();
        assertThat(provider.parseWebhook(c, new WebhookRequest(Map.of(), Fixtures.bytes("webhook-job-updated-closed.json"))))
                .singleElement().satisfies(s -> assertThat(((AtsSignal.JobChange) s).kind()).isEqualTo(AtsSignal.JobChange.Kind.CLOSED));
        assertThat(gh.seen).hasSize(calls);
        gh.on("GET /v1/partner/jobs", 200, "[]");
        assertThat(provider.parseWebhook(c, new WebhookRequest(Map.of(), Fixtures.bytes("webhook-job-created.json")))).isEmpty();
    }

    @Test
    void serverErrorsAreUnavailableAndRetryable() {
        gh.on("GET /v1/partner/current_user", 503, "{\"errors\":[{\"message\":\"down\"}]}");
        assertThatThrownBy(() -> provider.validate(ctx("u@acme.example", null)))
                .isInstanceOfSatisfying(AtsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AtsException.Kind.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }
}
