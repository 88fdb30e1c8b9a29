package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code payload.job} of {@code job_created}/{@code job_updated} (full) and {@code job_deleted} ({@code {id, name}}
 * only). No description and no URL: those live on the job post (fact sheet §2.5, §4.5).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookJob(
        String id,
        String name,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("opened_at") String openedAt,
        @JsonProperty("updated_at") String updatedAt,
        List<BoardJobs.Unit> departments,
        List<BoardJobs.Unit> offices) {

    public WebhookJob {
        departments = departments == null ? List.of() : departments;
        offices = offices == null ? List.of() : offices;
    }
}
