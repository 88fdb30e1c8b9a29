package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code payload.application} of the application webhooks (fact sheet §4.6). Every nested object is optional
 * (issue #19: an application arrived without candidate and jobs); {@code hire_candidate} sends a reduced shape
 * without {@code status} and {@code current_stage}; {@code source} is {@code {id,name}} or {@code {id,public_name}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookApplication(
        String id,
        @JsonProperty("candidate_id") String candidateId,
        Boolean prospect,
        String status,
        @JsonProperty("applied_at") String appliedAt,
        @JsonProperty("last_activity_at") String lastActivityAt,
        @JsonProperty("rejected_at") String rejectedAt,
        @JsonProperty("current_stage") Stage currentStage,
        @JsonProperty("prospect_detail") ProspectDetail prospectDetail,
        Candidate candidate,
        List<JobRef> jobs,
        JobRef job,
        Source source,
        Offer offer) {

    public WebhookApplication {
        jobs = jobs == null ? List.of() : jobs;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stage(String id, String name) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProspectDetail(@JsonProperty("prospect_stage") Stage prospectStage) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(String id, @JsonProperty("external_id") String externalId) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JobRef(String id, String name, String status) { }

    /** Both spellings occur, depending on the event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String id, String name, @JsonProperty("public_name") String publicName) {
        public String displayName() {
            return name != null ? name : publicName;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offer(String id, @JsonProperty("resolved_at") String resolvedAt, @JsonProperty("starts_at") String startsAt) { }

    /** {@code candidate.id}, or the flat {@code candidate_id} of the reduced shapes. */
    public String atsCandidateId() {
        return candidate != null && candidate.id() != null ? candidate.id() : candidateId;
    }

    public String externalId() {
        return candidate == null ? null : candidate.externalId();
    }

    /** A candidate application has exactly one job; the deprecated {@code job} is all a hire payload may carry. */
    public String atsJobId() {
        if (!jobs.isEmpty() && jobs.get(0) != null && jobs.get(0).id() != null) {
            return jobs.get(0).id();
        }
        return job == null ? null : job.id();
    }
}
