package io.atsbridge.provider.lever.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.provider.lever.api.LeverPosting;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostingMapperTest {
    static Map<String, Job> jobs = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = PostingMapperTest.class.getResourceAsStream("/fixtures/lever/provider/postings-page.json")) {
            JsonNode page = json.readTree(in);
            for (JsonNode n : page.path("data")) {
                Job j = PostingMapper.toJob(json.treeToValue(n, LeverPosting.class));
                jobs.put(j.atsJobId(), j);
            }
        }
    }

    @Test
    void everyLeverStateIsMapped() {
        assertThat(jobs.get("p-published").state()).isEqualTo(JobState.OPEN);
        assertThat(jobs.get("p-internal-only").state()).isEqualTo(JobState.OPEN);
        assertThat(jobs.get("p-unlisted").state()).isEqualTo(JobState.OPEN);
        assertThat(jobs.get("p-closed").state()).isEqualTo(JobState.CLOSED);
        assertThat(jobs.get("p-draft").state()).isEqualTo(JobState.DRAFT);
        assertThat(jobs.get("p-pending").state()).isEqualTo(JobState.DRAFT);
        assertThat(jobs.get("p-rejected").state()).isEqualTo(JobState.DRAFT);
        assertThat(PostingMapper.state("something-new")).isEqualTo(JobState.DRAFT);
        assertThat(PostingMapper.state(null)).isEqualTo(JobState.DRAFT);
    }

    @Test
    void publishedPostingMapsAllFields() {
        Job j = jobs.get("p-published");
        assertThat(j.title()).isEqualTo("Senior Backend Engineer");
        assertThat(j.department()).isEqualTo("Engineering");
        assertThat(j.location()).isEqualTo("Berlin");
        assertThat(j.url()).isEqualTo("https://jobs.lever.co/acme/p-published");
        assertThat(j.createdAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(j.updatedAt()).isEqualTo(Instant.ofEpochMilli(1700000100000L));
        assertThat(j.descriptionHtml()).isEqualTo("<p>Build things.</p>"
                + "<h3>Requirements</h3><ul><li>Java</li><li>Camel</li></ul>"
                + "<h3>Benefits</h3><ul><li>Remote</li></ul>"
                + "<p>Apply now.</p>");
    }

    @Test
    void departmentFallsBackToTeam() {
        assertThat(jobs.get("p-internal-only").department()).isEqualTo("Analytics");
        assertThat(jobs.get("p-internal-only").location()).isEqualTo("Remote");
    }

    @Test
    void nullUrlsCategoriesAndContentAreHandled() {
        Job unlisted = jobs.get("p-unlisted");
        assertThat(unlisted.url()).isNull();
        assertThat(unlisted.department()).isNull();
        assertThat(unlisted.location()).isNull();
        assertThat(unlisted.descriptionHtml()).isNull();
        Job closed = jobs.get("p-closed");
        assertThat(closed.url()).isNull();
        assertThat(closed.department()).isNull();
        assertThat(closed.descriptionHtml()).isEqualTo("<p>Old</p>");
        assertThat(jobs.get("p-draft").updatedAt()).isNull();
    }
}
