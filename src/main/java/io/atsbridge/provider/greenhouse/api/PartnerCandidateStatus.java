package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /v1/partner/candidates?candidate_ids=} item (fact sheet §1.4). {@code applications[].job} is the job
 * <em>name</em>; {@code status} is rejected/active/hired in any case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerCandidateStatus(
        String id,
        String name,
        @JsonProperty("external_id") String externalId,
        List<Application> applications) {

    public PartnerCandidateStatus {
        applications = applications == null ? List.of() : applications;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(String id, String job, String status, String stage, @JsonProperty("profile_url") String profileUrl) { }
}
