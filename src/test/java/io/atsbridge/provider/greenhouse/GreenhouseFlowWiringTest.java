package io.atsbridge.provider.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.ProviderFlows;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The YAML flows in the running application against a scripted server: the request that goes out, the refs that
 * come back, the progress that makes a retry a no-op, and failures surfacing as classified AtsExceptions.
 * (Behaviour against a faithful Greenhouse is GreenhouseRouteTest, on the sandbox.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseFlowWiringTest {
    @Autowired ConnectionService connections;
    @Autowired ProducerTemplate producer;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    private final FakeGreenhouse gh = new FakeGreenhouse()
            .on("GET /v1/partner/current_user", 200, "{\"full_name\":\"Integrations\",\"email\":\"integrations@demo.example\",\"id\":77}");
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        gh.close();
    }

    private ConnectionContext connect(String baseUrl) {
        String company = "co-" + UUID.randomUUID();
        connections.connect(company, new ConnectRequest("greenhouse", "partner-key", "integrations@demo.example", null, null,
                baseUrl, "tester", null, null, null, null));
        return connections.contextForCompany(company).orElseThrow();
    }

    private Exchange send(String flow, Object body, ConnectionContext c, DeliveryProgress progress) {
        return producer.send(ProviderFlows.endpoint("greenhouse", flow), e -> {
            e.getIn().setBody(body);
            e.setProperty(ProviderFlows.CONNECTION, c);
            e.setProperty(ProviderFlows.PROGRESS, progress);
        });
    }

    private static Candidate grace() {
        return new Candidate("board-" + UUID.randomUUID(), "Grace", "Hopper", List.of("grace@example.com"), List.of(),
                null, "Arlington, VA", List.of(), null, "US Navy", "Rear Admiral", null);
    }

    @Test
    void providersListShowsHowToConnectGreenhouse() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/providers")).header("Authorization", "Bearer test-token").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode gh = null;
        for (JsonNode p : json.readTree(r.body()).get("providers")) {
            if ("greenhouse".equals(p.path("id").asText())) {
                gh = p;
            }
        }
        assertThat(gh).isNotNull();
        assertThat(gh.get("name").asText()).isEqualTo("Greenhouse");
        assertThat(gh.get("authMethods").toString()).isEqualTo("[\"api_key\"]");
        assertThat(gh.get("credentialFields").findValuesAsText("name")).containsExactly("apiKey", "onBehalfOf", "jobBoardToken");
        assertThat(gh.get("webhookEvents").toString()).contains("new_prospect_application", "candidate_stage_change", "job_deleted");
        assertThat(gh.get("setupSteps").toString()).contains("Dev Center", "Candidate Ingestion", "shown only once");
        assertThat(gh.get("permissions").toString()).contains("Job Admin", "manage unattached prospects");
    }

    @Test
    void exportPostsAProspectRecordsProgressAndDoesNotPostTwice() throws Exception {
        ConnectionContext c = connect(gh.baseUrl());
        gh.on("POST /v1/partner/candidates", 200,
                "{\"id\":900,\"application_id\":901,\"external_id\":\"x\",\"profile_url\":\"https://app.greenhouse.io/people/900\"}");
        DeliveryProgress progress = new DeliveryProgress(Map.of());
        Candidate grace = grace();

        Exchange ex = send(ProviderFlows.CANDIDATE_EXPORT, grace, c, progress);

        assertThat(ex.getException()).isNull();
        AtsRefs refs = ex.getMessage().getBody(AtsRefs.class);
        assertThat(refs).isEqualTo(AtsRefs.of("900", "901").with("profileUrl", "https://app.greenhouse.io/people/900"));
        assertThat(progress.snapshot()).containsEntry("atsCandidateId", "900").containsEntry("atsApplicationId", "901");
        FakeGreenhouse.Seen post = gh.seen.stream().filter(s -> s.method().equals("POST")).findFirst().orElseThrow();
        JsonNode body = json.readTree(post.body());
        assertThat(body.get("prospect").asBoolean()).isTrue();
        assertThat(body.get("external_id").asText()).isEqualTo(grace.boardCandidateId());
        assertThat(post.header("On-Behalf-Of")).isEqualTo("integrations@demo.example");

        Exchange again = send(ProviderFlows.CANDIDATE_EXPORT, grace, c, progress);
        assertThat(again.getMessage().getBody(AtsRefs.class).atsCandidateId()).isEqualTo("900");
        assertThat(gh.seen.stream().filter(s -> s.method().equals("POST"))).hasSize(1);
    }

    @Test
    void applicationGoesToTheLinkedJob() throws Exception {
        ConnectionContext c = connect(gh.baseUrl());
        gh.on("POST /v1/partner/candidates", 201, "{\"id\":910,\"application_id\":911,\"external_id\":\"x\",\"profile_url\":null}");

        Exchange ex = send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("app-1", "bj-1", "4012345002", grace(), null), c,
                new DeliveryProgress(Map.of()));

        assertThat(ex.getMessage().getBody(AtsRefs.class)).isEqualTo(AtsRefs.of("910", "911"));
        JsonNode body = json.readTree(gh.seen.stream().filter(s -> s.method().equals("POST")).reduce((a, b) -> b).orElseThrow().body());
        assertThat(body.get("prospect").asBoolean()).isFalse();
        assertThat(body.get("job_id").asLong()).isEqualTo(4012345002L);
    }

    @Test
    void failuresPropagateClassified() {
        ConnectionContext c = connect(gh.baseUrl());
        gh.on("POST /v1/partner/candidates", 500, "{\"errors\":[{\"message\":\"boom\"}]}");
        assertThat(send(ProviderFlows.CANDIDATE_EXPORT, grace(), c, new DeliveryProgress(Map.of())).getException())
                .isInstanceOfSatisfying(AtsException.class, e -> assertThat(e.kind()).isEqualTo(AtsException.Kind.UNAVAILABLE));

        gh.on("POST /v1/partner/candidates", 400, "{\"errors\":[{\"message\":\"Invalid email\",\"field\":\"emails\"}]}");
        assertThat(send(ProviderFlows.CANDIDATE_EXPORT, grace(), c, new DeliveryProgress(Map.of())).getException())
                .isInstanceOfSatisfying(AtsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AtsException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("Invalid email");
                });

        assertThat(send(ProviderFlows.APPLICATION_SUBMIT, new BoardApplication("a", "bj", null, grace(), null), c,
                new DeliveryProgress(Map.of())).getException())
                .isInstanceOfSatisfying(AtsException.class, e -> assertThat(e.kind()).isEqualTo(AtsException.Kind.REFUSED));
    }

    @Test
    void aBrokenConnectionAfterSendingIsAmbiguous() throws Exception {
        ConnectionContext ok = connect(gh.baseUrl());
        try (ResettingServer reset = new ResettingServer()) {
            ConnectionContext c = new ConnectionContext(ok.connectionId(), ok.companyId(), ok.provider(), reset.baseUrl(), ok.webhookUrl(),
                    ok.credentials(), ok.settings(), ok.providerState(), null);
            DeliveryProgress progress = new DeliveryProgress(Map.of());
            assertThat(send(ProviderFlows.CANDIDATE_EXPORT, grace(), c, progress).getException())
                    .isInstanceOfSatisfying(AtsException.class, e -> assertThat(e.kind()).isEqualTo(AtsException.Kind.AMBIGUOUS));
            assertThat(reset.requests.get()).isGreaterThanOrEqualTo(1);
            assertThat(progress.snapshot()).doesNotContainKey("atsCandidateId");
        }
    }
}
