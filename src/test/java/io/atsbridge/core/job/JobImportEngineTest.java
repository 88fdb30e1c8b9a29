package io.atsbridge.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.testsupport.EngineTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

class JobImportEngineTest extends EngineTestBase {
    @Autowired
    JobImportService imports;

    private static Job job(String id, String title) {
        return new Job(id, title, "<p>" + title + "</p>", "Engineering", "Remote", JobState.OPEN, Instant.parse("2026-01-01T00:00:00Z"), null,
                "https://jobs.example/" + id);
    }

    private JsonNode sync() {
        JsonNode started = api.call("POST", "/api/v1/companies/" + company + "/syncs", null).body();
        String id = started.get("syncRunId").asText();
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.call("GET", "/api/v1/companies/" + company + "/syncs/" + id, null).body(),
                        b -> !b.get("status").asText().equals("queued") && !b.get("status").asText().equals("running"));
    }

    private String stateOf(String atsJobId) {
        return jdbc.queryForObject("select state from job where company_id = ? and ats_job_id = ?", String.class, company, atsJobId);
    }

    @Test
    void importsPageByPageAndAnUnchangedReimportWritesNoJobRow() {
        for (int i = 1; i <= 5; i++) {
            ats.jobs.add(job("j" + i, "Job " + i));
        }
        JsonNode run = sync();
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("pages").asInt()).isEqualTo(3);
        assertThat(run.get("created").asInt()).isEqualTo(5);
        List<Instant> before = jdbc.queryForList("select last_seen_at from job where company_id = ? order by ats_job_id", Instant.class, company);

        JsonNode again = sync();
        assertThat(again.get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();
        assertThat(jdbc.queryForList("select last_seen_at from job where company_id = ? order by ats_job_id", Instant.class, company))
                .isEqualTo(before);
        assertThat(eventCount("job.created")).isEqualTo(5);
        assertThat(eventCount("job.updated")).isZero();
        JsonNode jobs = api.call("GET", "/api/v1/companies/" + company + "/jobs?state=open", null).body().get("jobs");
        assertThat(jobs).hasSize(5);
        assertThat(jobs.get(0).get("title").asText()).isEqualTo("Job 1");
    }

    @Test
    void aFailedPageDeletesNothing() {
        for (int i = 1; i <= 5; i++) {
            ats.jobs.add(job("j" + i, "Job " + i));
        }
        sync();
        ats.jobs.remove(4);
        ats.failOnPage = 1;
        JsonNode run = sync();
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("503");
        assertThat(stateOf("j5")).isEqualTo("open");
        assertThat(eventCount("job.deleted")).isZero();
    }

    @Test
    void aCompleteRunDeletesWhatVanishedButHoldsBackWhenMostVanish() {
        for (int i = 1; i <= 6; i++) {
            ats.jobs.add(job("j" + i, "Job " + i));
        }
        sync();
        ats.jobs.remove(5);
        JsonNode run = sync();
        assertThat(run.get("deleted").asInt()).isEqualTo(1);
        assertThat(stateOf("j6")).isEqualTo("deleted");
        assertThat(eventCount("job.deleted")).isEqualTo(1);

        ats.jobs.subList(1, 5).clear(); // 4 of the 5 open jobs vanish at once
        JsonNode suspect = sync();
        assertThat(suspect.get("status").asText()).isEqualTo("suspect");
        assertThat(stateOf("j2")).isEqualTo("open");
        assertThat(eventCount("sync.suspect")).isEqualTo(1);
    }

    @Test
    void oneRunPerCompanyAtATime() {
        ats.pageSize = 1;
        for (int i = 1; i <= 3; i++) {
            ats.jobs.add(job("j" + i, "Job " + i));
        }
        JsonNode a = api.call("POST", "/api/v1/companies/" + company + "/syncs", null).body();
        JsonNode b = api.call("POST", "/api/v1/companies/" + company + "/syncs", null).body();
        if (b.get("alreadyRunning").asBoolean()) {
            assertThat(b.get("syncRunId").asText()).isEqualTo(a.get("syncRunId").asText());
        }
        assertThat(api.call("GET", "/api/v1/companies/" + company + "/syncs/nope", null).status()).isEqualTo(404);
    }
}
