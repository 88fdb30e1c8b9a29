package io.atsbridge.sandbox.greenhouse;

import static io.atsbridge.sandbox.greenhouse.GreenhouseSandboxIngestionContractTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Job Board API against fact sheet §3: no auth, only live posts, post id vs internal_job_id, escaped content. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseSandboxJobBoardContractTest extends GreenhouseSandboxTestSupport {

    private String boardOf(String key) {
        return ok(control("GET", "/account", key, null)).get("board_token").asText();
    }

    @Test
    void listsOnlyLivePostsWithEscapedContent() {
        String key = newKey();
        String token = boardOf(key);
        JsonNode body = ok(call("GET", "/v1/boards/" + token + "/jobs?content=true", null, null, null));
        assertThat(fieldNames(body)).containsExactly("jobs", "meta");
        JsonNode jobs = body.get("jobs");
        assertThat(body.get("meta").get("total").asInt()).isEqualTo(jobs.size()).isEqualTo(21);

        Set<Long> partnerPublic = new HashSet<>();
        ok(get("/v1/partner/jobs", key)).forEach(j -> {
            if (j.get("public").asBoolean()) {
                partnerPublic.add(j.get("id").asLong());
            }
        });
        Set<Long> internalIds = new HashSet<>();
        int prospectPosts = 0;
        for (JsonNode j : jobs) {
            assertThat(fieldNames(j)).contains("id", "internal_job_id", "title", "updated_at", "requisition_id", "location",
                    "absolute_url", "language", "metadata", "content", "departments", "offices");
            assertThat(j.get("location").get("name").isTextual()).isTrue();
            assertThat(j.get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
            String content = j.get("content").asText();
            assertThat(content).startsWith("&lt;p&gt;").doesNotContain("<").contains("&amp;");
            if (j.get("internal_job_id").isNull()) {
                prospectPosts++;
                continue;
            }
            assertThat(j.get("id").asLong()).isNotEqualTo(j.get("internal_job_id").asLong());
            internalIds.add(j.get("internal_job_id").asLong());
            assertThat(j.get("offices").get(0).get("location").isTextual()).isTrue();
            assertThat(j.get("departments").get(0).get("name").isTextual()).isTrue();
            // raw "<p>... &amp; ... \"best\"" comes out once more escaped: &lt;p&gt; ... &amp;amp; ... &quot;best&quot;
            assertThat(content).contains("&quot;best&quot;").contains("&amp;amp;").contains("We&#39;re");
        }
        assertThat(prospectPosts).isEqualTo(1);
        assertThat(internalIds).isEqualTo(partnerPublic);

        JsonNode plain = ok(call("GET", "/v1/boards/" + token + "/jobs", null, null, null));
        assertThat(plain.get("jobs").get(0).has("content")).isFalse();
    }

    @Test
    void unknownBoardIs404AndSinglePostWorks() {
        HttpResponse<String> r = call("GET", "/v1/boards/no-such-board/jobs", null, null, null);
        assertThat(r.statusCode()).isEqualTo(404);
        String key = newKey();
        String token = boardOf(key);
        JsonNode first = ok(call("GET", "/v1/boards/" + token + "/jobs", null, null, null)).get("jobs").get(0);
        JsonNode one = ok(call("GET", "/v1/boards/" + token + "/jobs/" + first.get("id").asLong() + "?questions=true",
                null, null, null));
        assertThat(one.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(one.get("questions").isArray()).isTrue();
        assertThat(call("GET", "/v1/boards/" + token + "/jobs/1", null, null, null).statusCode()).isEqualTo(404);
    }
}
