package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every payload the simulator builds, checked field by field (names and JSON types) against
 * {@code fixtures/greenhouse/contract-shapes.json}, which transcribes the fact sheet. A renamed or retyped field fails here.
 */
class GhPayloadsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode shapes;
    private static GhAccount account;

    @BeforeAll
    static void load() throws Exception {
        shapes = MAPPER.readTree(GhJsonTest.fixture("contract-shapes.json"));
        account = new GhAccount(99, "unit");
        GhDemoSeed.seed(account, Instant.parse("2026-11-01T12:00:00Z"));
    }

    /** Round-trips through the webhook serializer, so what is checked is what goes on the wire. */
    private static JsonNode wire(Object payload) throws Exception {
        return MAPPER.readTree(GhJson.webhookBody(payload));
    }

    static void assertShape(String shape, JsonNode actual) {
        if (shapes == null) {
            try {
                shapes = MAPPER.readTree(GhJsonTest.fixture("contract-shapes.json"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode spec = shapes.get(shape);
        assertThat(spec).as("shape " + shape).isNotNull();
        List<String> expected = new ArrayList<>();
        spec.fieldNames().forEachRemaining(expected::add);
        List<String> names = new ArrayList<>();
        actual.fieldNames().forEachRemaining(names::add);
        assertThat(names).as(shape + " field names").containsExactlyInAnyOrderElementsOf(expected);
        spec.fields().forEachRemaining(e -> {
            String type = type(actual.get(e.getKey()));
            assertThat(List.of(e.getValue().asText().split("\\|"))).as(shape + "." + e.getKey() + " type").contains(type);
        });
    }

    private static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isArray() ? "array" : "object";
    }

    private static GhModel.Application seededApplication() {
        return account.applications.values().iterator().next();
    }

    @Test
    void fullApplicationPayload() throws Exception {
        GhModel.Application app = seededApplication();
        JsonNode a = wire(GhPayloads.application(account, app, false));
        assertShape("webhook_application", a);
        assertShape("webhook_candidate", a.get("candidate"));
        assertShape("webhook_application_job", a.get("jobs").get(0));
        assertShape("webhook_office", a.get("jobs").get(0).get("offices").get(0));
        assertShape("webhook_current_stage", a.get("current_stage"));
        assertThat(a.get("status").asText()).isIn("active", "rejected", "hired");
        assertThat(a.get("applied_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // the source spelling depends on the event
        assertThat(a.get("source").has("name")).isTrue();
        assertThat(wire(GhPayloads.application(account, app, true)).get("source").has("public_name")).isTrue();
    }

    @Test
    void hirePayloadIsReduced() throws Exception {
        GhModel.Application app = seededApplication();
        app.offerId = 1L;
        app.offerCreatedAt = Instant.parse("2026-11-02T12:00:00Z");
        JsonNode h = wire(GhPayloads.hiredApplication(account, app));
        assertShape("webhook_hire_application", h);
        assertShape("webhook_offer", h.get("offer"));
        assertThat(h.get("offer").get("starts_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void jobAndPostPayloads() throws Exception {
        GhModel.Job job = account.jobs.values().iterator().next();
        assertShape("webhook_job", wire(GhPayloads.fullJob(account, job)));
        GhModel.JobPost post = account.posts.get(job.postIds.get(0));
        JsonNode p = wire(GhPayloads.flatPost(post));
        assertShape("webhook_flat_post", p);
        assertThat(p.get("updated_at").asText()).matches(".*\\.\\d{3}Z");
    }

    @Test
    void deletedPersonPayload() throws Exception {
        GhModel.Candidate c = account.candidates.values().iterator().next();
        assertShape("webhook_deleted_person", wire(GhPayloads.deletedPerson(c, List.of(1L, 2L))));
    }

    @Test
    void ingestionAndBoardShapes() throws Exception {
        GhModel.User u = account.activeUserByEmail(GhDemoSeed.INTEGRATION_USER);
        assertShape("current_user", wire(GhPayloads.currentUser(u)));
        GhModel.Job job = account.jobs.values().iterator().next();
        assertShape("partner_job", wire(GhPayloads.partnerJob(account, job)));
        GhModel.Candidate c = account.candidates.values().iterator().next();
        JsonNode pc = wire(GhPayloads.partnerCandidate(account, c));
        assertShape("partner_candidate", pc);
        assertShape("partner_candidate_application", pc.get("applications").get(0));
        JsonNode bj = wire(GhPayloads.boardJob(account, account.posts.get(job.postIds.get(0)), true));
        assertShape("board_job_content", bj);
        assertShape("board_office", bj.get("offices").get(0));
        assertShape("board_department", bj.get("departments").get(0));
        assertThat(bj.get("location").get("name").isTextual()).isTrue();
        assertThat(Map.of("k", bj.get("updated_at").asText()).get("k")).matches(".*[-+]\\d\\d:\\d\\d");
    }
}
