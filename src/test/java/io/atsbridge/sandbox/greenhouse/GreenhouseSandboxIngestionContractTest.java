package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Candidate Ingestion API against fact sheet §1: auth, shapes, prospect/application semantics, documented errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseSandboxIngestionContractTest extends GreenhouseSandboxTestSupport {

    @Test
    void basicAuthWithKeyAsUsernameAndOnBehalfOfAreRequired() {
        String key = newKey();
        assertError(call("GET", "/v1/partner/current_user", null, OBO, null), 401);
        assertError(call("GET", "/v1/partner/current_user", "live-key-123", OBO, null), 401);
        assertError(call("GET", "/v1/partner/current_user", key, null, null), 401);
        assertError(call("GET", "/v1/partner/current_user", key, "nobody@demo.example", null), 401);
        // a disabled user can do nothing
        assertError(call("GET", "/v1/partner/current_user", key, "former.employee@demo.example", null), 401);

        JsonNode me = ok(get("/v1/partner/current_user", key));
        assertThat(me.get("email").asText()).isEqualTo(OBO);
        assertThat(me.get("full_name").asText()).isEqualTo("Ivy Integrations");
        assertThat(me.get("first_name").isTextual()).isTrue();
        assertThat(me.get("last_name").isTextual()).isTrue();
        assertThat(me.get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void partnerJobsListsOnlyOpenJobsWithPublicFlag() {
        String key = newKey();
        JsonNode jobs = ok(get("/v1/partner/jobs", key));
        assertThat(jobs.isArray()).isTrue();
        assertThat(jobs).hasSize(22);
        int pub = 0;
        for (JsonNode j : jobs) {
            assertThat(fieldNames(j)).containsExactly("id", "name", "status", "public");
            assertThat(j.get("id").isIntegralNumber()).isTrue();
            assertThat(j.get("status").asText()).isEqualTo("open");
            assertThat(j.get("public").isBoolean()).isTrue();
            pub += j.get("public").asBoolean() ? 1 : 0;
        }
        assertThat(pub).isEqualTo(20);   // two open jobs have a post that is not live
    }

    @Test
    void prospectByDefaultThenApplicationAndReadBack() {
        String key = newKey();
        long jobId = ok(get("/v1/partner/jobs", key)).get(0).get("id").asLong();

        JsonNode prospect = ok(post("/v1/partner/candidates", key, """
                {"first_name":"Pat","last_name":"Prospect","external_id":"board-cand-1",
                 "emails":[{"email":"pat@example.org","type":"personal"}],
                 "phone_numbers":[{"phone_number":"+1 555 0100","type":"mobile"}]}"""));
        assertThat(fieldNames(prospect)).containsExactly("id", "application_id", "external_id", "profile_url");
        GhPayloadsTest.assertShape("partner_create_response", prospect);
        assertThat(prospect.get("external_id").asText()).isEqualTo("board-cand-1");
        assertThat(prospect.get("id").isIntegralNumber()).isTrue();
        assertThat(prospect.get("application_id").isIntegralNumber()).isTrue();

        JsonNode app = ok(post("/v1/partner/candidates", key, """
                {"prospect":false,"job_id":%d,"first_name":"Alex","last_name":"Applicant","external_id":"board-cand-2"}"""
                .formatted(jobId)));

        JsonNode read = ok(get("/v1/partner/candidates?candidate_ids=" + prospect.get("id").asLong() + ",999999999,"
                + app.get("id").asLong(), key));
        assertThat(read.isArray()).isTrue();
        assertThat(read).hasSize(2);   // the unknown id is silently dropped
        JsonNode p = read.get(0);
        GhPayloadsTest.assertShape("partner_candidate", p);
        assertThat(p.get("name").asText()).isEqualTo("Pat Prospect");
        assertThat(p.get("external_id").asText()).isEqualTo("board-cand-1");
        JsonNode pa = p.get("applications").get(0);
        GhPayloadsTest.assertShape("partner_candidate_application", pa);
        assertThat(pa.get("id").asLong()).isEqualTo(prospect.get("application_id").asLong());
        assertThat(pa.get("job").isNull()).isTrue();
        assertThat(pa.get("stage").isNull()).isTrue();
        assertThat(pa.get("status").asText()).isEqualTo("active");

        JsonNode aa = read.get(1).get("applications").get(0);
        assertThat(aa.get("job").asText()).isEqualTo(ok(get("/v1/partner/jobs", key)).get(0).get("name").asText());
        assertThat(aa.get("stage").asText()).isEqualTo("Application Review");
        assertThat(aa.get("status").asText()).isEqualTo("active");
    }

    @Test
    void arrayBodyGivesArrayAnswer() {
        String key = newKey();
        JsonNode res = ok(post("/v1/partner/candidates", key, """
                [{"first_name":"A","last_name":"One","external_id":"x1"},
                 {"first_name":"B","last_name":"Two","external_id":"x2","prospect":"true"}]"""));
        assertThat(res.isArray()).isTrue();
        assertThat(res).hasSize(2);
        assertThat(res.get(1).get("external_id").asText()).isEqualTo("x2");
    }

    @Test
    void documentedErrors() {
        String key = newKey();
        assertThat(field(post("/v1/partner/candidates", key, "{\"first_name\":\"A\",\"last_name\":\"B\"}"), 400))
                .isEqualTo("external_id");
        assertThat(field(post("/v1/partner/candidates", key,
                "{\"prospect\":false,\"first_name\":\"A\",\"last_name\":\"B\",\"external_id\":\"e\"}"), 400)).isEqualTo("job_id");
        assertThat(field(post("/v1/partner/candidates", key,
                "{\"prospect\":false,\"job_id\":1,\"first_name\":\"A\",\"last_name\":\"B\",\"external_id\":\"e\"}"), 404))
                .isEqualTo("job_id");
        assertError(post("/v1/partner/candidates", key, "{not json"), 400);
        // an array with one bad item creates nothing
        HttpResponse<String> bad = post("/v1/partner/candidates", key,
                "[{\"first_name\":\"A\",\"last_name\":\"B\",\"external_id\":\"ok\"},{\"first_name\":\"C\"}]");
        assertError(bad, 400);
        // basic users can create but not read back or make tracking links
        HttpResponse<String> created = call("POST", "/v1/partner/candidates", key, "basic.user@demo.example",
                "{\"first_name\":\"A\",\"last_name\":\"B\",\"external_id\":\"e\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertError(call("GET", "/v1/partner/candidates?candidate_ids=" + json(created).get("id").asLong(), key,
                "basic.user@demo.example", null), 403);
    }

    @Test
    void trackingLinkAndProspectPools() {
        String key = newKey();
        JsonNode job = ok(get("/v1/partner/jobs", key)).get(0);
        JsonNode link = ok(post("/v1/partner/tracking_link", key, "{\"job_id\":" + job.get("id").asLong() + "}"));
        assertThat(fieldNames(link)).containsExactly("tracking_link", "job", "source", "referrer");
        assertThat(link.get("job").asText()).isEqualTo(job.get("name").asText());
        assertThat(link.get("referrer").asText()).isEqualTo("Ivy Integrations");
        assertThat(link.get("tracking_link").asText()).contains("gh_src=");
        assertError(post("/v1/partner/tracking_link", key, "{\"job_id\":1}"), 404);

        JsonNode pools = ok(get("/v1/partner/prospect_pools", key));
        assertThat(pools).hasSize(2);
        assertThat(fieldNames(pools.get(0))).containsExactly("id", "name", "stages");
        assertThat(fieldNames(pools.get(0).get("stages").get(0))).containsExactly("id", "name");

        // a prospect placed in a pool stage
        long poolId = pools.get(0).get("id").asLong();
        long stageId = pools.get(0).get("stages").get(1).get("id").asLong();
        JsonNode c = ok(post("/v1/partner/candidates", key, """
                {"first_name":"P","last_name":"Pool","external_id":"p1","prospect_pool_id":%d,"prospect_pool_stage_id":%d}"""
                .formatted(poolId, stageId)));
        JsonNode read = ok(get("/v1/partner/candidates?candidate_ids=" + c.get("id").asLong(), key));
        assertThat(read.get(0).get("applications").get(0).get("stage").asText()).isEqualTo("Contacted");
        long otherStage = pools.get(1).get("stages").get(0).get("id").asLong();
        assertThat(field(post("/v1/partner/candidates", key, """
                {"first_name":"P","last_name":"Pool","external_id":"p2","prospect_pool_id":%d,"prospect_pool_stage_id":%d}"""
                .formatted(poolId, otherStage)), 400)).isEqualTo("prospect_pool_stage_id");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode errors = json(r).get("errors");
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("message").isTextual()).isTrue();
    }

    static String field(HttpResponse<String> r, int status) {
        assertError(r, status);
        JsonNode f = json(r).get("errors").get(0).get("field");
        return f == null ? null : f.asText();
    }
}
