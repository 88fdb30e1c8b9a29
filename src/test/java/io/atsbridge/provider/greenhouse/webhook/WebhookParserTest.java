package io.atsbridge.provider.greenhouse.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.JobChange;
import io.atsbridge.core.provider.AtsSignal.Status;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.provider.greenhouse.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

    private static List<AtsSignal> parse(String fixture) throws AtsException {
        return WebhookParser.parse(Fixtures.bytes(fixture));
    }

    @Test
    void newCandidateApplicationIsCreatedWithOurExternalIdForReconciliation() throws Exception {
        assertThat(parse("webhook-new-candidate-application.json")).containsExactly(new Status("53883394", "69306314", "board-cand-1",
                "4012345002", Kind.CREATED, "5807", "Application Review", Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void newProspectApplicationWithPublicNameSourceAndNoStage() throws Exception {
        assertThat(parse("webhook-new-prospect-application.json")).containsExactly(new Status("53883394", "69306400", "board-cand-1",
                null, Kind.CREATED, "8", "New Lead", Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void stageChangeRejectUnreject() throws Exception {
        assertThat(parse("webhook-candidate-stage-change.json")).containsExactly(new Status("53883394", "69306314", "board-cand-1",
                "4012345002", Kind.STAGE, "5808", "Phone Screen", Instant.parse("2026-11-22T08:00:00Z")));
        assertThat(parse("webhook-reject-candidate.json")).singleElement().satisfies(s -> {
            Status st = (Status) s;
            assertThat(st.kind()).isEqualTo(Kind.REJECTED);
            assertThat(st.atsApplicationId()).isEqualTo("69306314");
            assertThat(st.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
        });
        assertThat(parse("webhook-unreject-candidate.json")).singleElement().satisfies(s -> {
            assertThat(((Status) s).kind()).isEqualTo(Kind.UNREJECTED);
            assertThat(((Status) s).stageName()).isEqualTo("Phone Screen");
        });
    }

    @Test
    void hireWithoutStatusOrStageIsHiredFromTheAction() throws Exception {
        assertThat(parse("webhook-hire-candidate.json")).containsExactly(new Status("53883394", "69306314", "board-cand-1",
                "4012345002", Kind.HIRED, null, null, Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Test
    void applicationUpdatedFollowsItsStatusAndSaysNothingWithoutAStage() throws Exception {
        assertThat(parse("webhook-application-updated-hired.json")).singleElement()
                .satisfies(s -> assertThat(((Status) s).kind()).isEqualTo(Kind.HIRED));
        assertThat(parse("webhook-application-updated-no-stage.json")).isEmpty();
    }

    @Test
    void deletedCandidateWithdrawsEachDeletedApplication() throws Exception {
        assertThat(parse("webhook-delete-candidate.json")).containsExactly(
                new Status("53883394", "69306314", null, null, Kind.WITHDRAWN, null, null, null),
                new Status("53883394", "69306400", null, null, Kind.WITHDRAWN, null, null, null));
    }

    @Test
    void jobEvents() throws Exception {
        assertThat(parse("webhook-job-created.json")).containsExactly(new JobChange("4012345002", JobChange.Kind.UPSERT,
                new Job("4012345002", "Backend Engineer", null, "Engineering", "London, UK", JobState.OPEN,
                        Instant.parse("2026-10-01T09:00:00Z"), Instant.parse("2026-10-02T10:00:00Z"), null)));
        // closing fires job_updated with status closed; the office location is an object here
        assertThat(parse("webhook-job-updated-closed.json")).singleElement().satisfies(s -> {
            JobChange c = (JobChange) s;
            assertThat(c.kind()).isEqualTo(JobChange.Kind.CLOSED);
            assertThat(c.job().state()).isEqualTo(JobState.CLOSED);
            assertThat(c.job().location()).isEqualTo("London, United Kingdom");
        });
        assertThat(parse("webhook-job-deleted.json")).containsExactly(new JobChange("4012345002", JobChange.Kind.DELETED, null));
    }

    @Test
    void jobPostEventsFollowLiveAndTheDeletedPostIsNested() throws Exception {
        assertThat(parse("webhook-job-post-created.json")).containsExactly(new JobChange("4012345002", JobChange.Kind.UPSERT,
                new Job("4012345002", "Senior Backend Engineer", "<p>Build & ship</p>", null, "London, UK", JobState.OPEN,
                        null, Instant.parse("2026-11-22T11:00:00Z"), null)));
        assertThat(parse("webhook-job-post-updated-unpublished.json"))
                .containsExactly(new JobChange("4012345002", JobChange.Kind.CLOSED, null));
        assertThat(parse("webhook-job-post-deleted.json"))
                .containsExactly(new JobChange("4012345002", JobChange.Kind.CLOSED, null));
        assertThat(parse("webhook-job-post-created-prospect.json")).isEmpty();
    }

    @Test
    void pingUnknownActionsAndMissingObjectsGiveNothing() throws Exception {
        assertThat(parse("webhook-ping.json")).isEmpty();
        assertThat(WebhookParser.parse("{\"action\":\"offer_created\",\"payload\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        // issue #19: an application event without candidate and jobs
        assertThat(WebhookParser.parse("{\"action\":\"candidate_stage_change\",\"payload\":{\"application\":{\"id\":5,\"current_stage\":{\"id\":1,\"name\":\"Offer\"}}}}"
                .getBytes(StandardCharsets.UTF_8))).containsExactly(new Status(null, "5", null, null, Kind.STAGE, "1", "Offer", null));
        assertThat(WebhookParser.parse("{\"action\":\"reject_candidate\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> WebhookParser.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AtsException.class);
        assertThat(WebhookParser.action("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(WebhookParser.action(Fixtures.bytes("webhook-ping.json"))).isEqualTo("ping");
    }
}
