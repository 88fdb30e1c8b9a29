package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code payload.person} of {@code delete_candidate}/{@code merge_candidate} (fact sheet §4.5). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPerson(
        String id,
        @JsonProperty("deleted_application_ids") List<String> deletedApplicationIds,
        @JsonProperty("new_candidate_id") String newCandidateId) {

    public WebhookPerson {
        deletedApplicationIds = deletedApplicationIds == null ? List.of() : deletedApplicationIds;
    }
}
