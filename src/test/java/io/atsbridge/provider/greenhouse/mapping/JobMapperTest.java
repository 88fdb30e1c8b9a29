package io.atsbridge.provider.greenhouse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.provider.greenhouse.Fixtures;
import io.atsbridge.provider.greenhouse.api.BoardJobs;
import io.atsbridge.provider.greenhouse.api.PartnerJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobMapperTest {
    private final ObjectMapper json = new ObjectMapper();

    private Map<String, Job> imported() throws Exception {
        List<PartnerJob> jobs = List.of(json.readValue(Fixtures.bytes("partner-jobs.json"), PartnerJob[].class));
        BoardJobs board = json.readValue(Fixtures.bytes("board-jobs.json"), BoardJobs.class);
        return JobMapper.merge(jobs, board.jobs()).stream().map(JobMapper::toJob)
                .collect(Collectors.toMap(Job::atsJobId, Function.identity()));
    }

    @Test
    void partnerJobsAreEnrichedWithTheirLivePostMatchedOnInternalJobId() throws Exception {
        Map<String, Job> jobs = imported();
        assertThat(jobs).containsOnlyKeys("4012345002", "4012345003", "4012345004"); // the prospect post is no job

        Job backend = jobs.get("4012345002");
        assertThat(backend.title()).isEqualTo("Senior Backend Engineer"); // the newer of its two posts
        assertThat(backend.descriptionHtml())
                .isEqualTo("<p>Build &amp; ship <strong>engines</strong>&nbsp;</p><p>Café ❤ 'ok' &lt;3</p>");
        assertThat(backend.department()).isEqualTo("Engineering");
        assertThat(backend.location()).isEqualTo("London, UK");
        assertThat(backend.url()).isEqualTo("https://job-boards.greenhouse.io/acme/jobs/777");
        assertThat(backend.state()).isEqualTo(JobState.OPEN);
        assertThat(backend.updatedAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z")); // -05:00 → UTC
        assertThat(backend.createdAt()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z")); // first_published
    }

    @Test
    void locationFallsBackToTheFirstOfficeAndCreatedAtToUpdatedAt() throws Exception {
        Job designer = imported().get("4012345003");
        assertThat(designer.title()).isEqualTo("Designer");
        assertThat(designer.location()).isEqualTo("Berlin");
        assertThat(designer.department()).isNull();
        assertThat(designer.descriptionHtml()).isEmpty();
        assertThat(designer.createdAt()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(designer.url()).isEqualTo("https://acme.example/careers?gh_jid=901");
    }

    @Test
    void aJobWithoutLivePostKeepsItsInternalName() throws Exception {
        Job internal = imported().get("4012345004");
        assertThat(internal).isEqualTo(new Job("4012345004", "Internal Tools Engineer", "", null, null, JobState.OPEN, null, null, null));
    }

    @Test
    void withoutABoardTokenEveryJobIsNameOnly() throws Exception {
        List<PartnerJob> jobs = List.of(json.readValue(Fixtures.bytes("partner-jobs.json"), PartnerJob[].class));
        List<Job> mapped = JobMapper.merge(jobs, List.of()).stream().map(JobMapper::toJob).toList();
        assertThat(mapped).extracting(Job::title).containsExactly("Backend Engineer", "Product Designer", "Internal Tools Engineer");
        assertThat(mapped).allSatisfy(j -> assertThat(j.url()).isNull());
    }

    @Test
    void statusVocabulary() {
        assertThat(JobMapper.state("Closed", JobState.OPEN)).isEqualTo(JobState.CLOSED);
        assertThat(JobMapper.state("draft", JobState.OPEN)).isEqualTo(JobState.DRAFT);
        assertThat(JobMapper.state(null, JobState.OPEN)).isEqualTo(JobState.OPEN);
        assertThat(JobMapper.state("weird", JobState.OPEN)).isEqualTo(JobState.OPEN);
    }
}
