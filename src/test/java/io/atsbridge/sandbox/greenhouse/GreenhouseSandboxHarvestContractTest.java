package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The read-only Harvest v1 subset against fact sheet §2: auth, Link pagination, 422, rate-limit headers and 429. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GreenhouseSandboxHarvestContractTest extends GreenhouseSandboxTestSupport {

    private HttpResponse<String> harvest(String path, String key) {
        return call("GET", path, key, null, null);
    }

    @Test
    void pagesWithLinkHeadersAndRateLimitHeaders() {
        String key = newKey();
        HttpResponse<String> p1 = harvest("/v1/jobs?per_page=12", key);
        JsonNode jobs = ok(p1);
        assertThat(jobs).hasSize(12);
        assertThat(p1.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(p1.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        String link = p1.headers().firstValue("Link").orElseThrow();
        assertThat(link).contains("page=2").contains("rel=\"next\"").contains("page=3").contains("rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(next).contains("/sandbox/greenhouse/v1/jobs");
        HttpResponse<String> p3 = harvest("/v1/jobs?per_page=12&page=3", key);
        assertThat(ok(p3)).hasSize(6);
        assertThat(p3.headers().firstValue("Link").orElseThrow()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(harvest("/v1/jobs?per_page=12&skip_count=true", key).headers().firstValue("Link").orElseThrow())
                .doesNotContain("rel=\"last\"");
        assertThat(harvest("/v1/jobs", key).headers().firstValue("Link")).isEmpty();   // 30 jobs < 100: one page

        JsonNode job = jobs.get(0);
        assertThat(job.get("status").asText()).isIn("open", "closed", "draft");
        assertThat(job.get("offices").get(0).get("location").get("name").isTextual()).isTrue();
        assertThat(ok(harvest("/v1/jobs?status=closed", key))).hasSize(5);
        assertThat(ok(harvest("/v1/jobs/" + job.get("id").asLong(), key)).get("id").asLong()).isEqualTo(job.get("id").asLong());
        assertThat(harvest("/v1/jobs/1", key).statusCode()).isEqualTo(404);

        JsonNode posts = ok(harvest("/v1/job_posts?live=true", key));
        assertThat(posts).hasSize(21);
        assertThat(posts.get(0).get("content").asText()).startsWith("<p>");
        assertThat(ok(harvest("/v1/users?email=" + OBO, key)).get(0).get("primary_email_address").asText()).isEqualTo(OBO);
        assertThat(ok(harvest("/v1/sources", key)).findValuesAsText("name")).contains("atsbridge Sandbox Partner");
    }

    @Test
    void errors() {
        String key = newKey();
        HttpResponse<String> bad = harvest("/v1/jobs?per_page=501", key);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("message").asText()).isEqualTo("Validation error");
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("per_page");
        HttpResponse<String> unauth = harvest("/v1/jobs", "not-sandbox");
        assertThat(unauth.statusCode()).isEqualTo(401);
        assertThat(json(unauth).get("message").isTextual()).isTrue();
    }

    @Test
    void budgetPerTenSecondsEndsIn429WithRetryAfter() {
        String key = newKey();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 150 && limited == null; i++) {
            HttpResponse<String> r = harvest("/v1/users", key);
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(limited).isNotNull();
        int after = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(after).isBetween(1, 10);
        assertThat(limited.headers().firstValue("X-RateLimit-Reset")).isPresent();
    }
}
