package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Job Board API {@code GET /v1/boards/{token}/jobs?content=true} (fact sheet §3): live posts only, no pagination.
 * {@code id} is the <em>post</em> id, {@code internal_job_id} the job id (null for prospect posts), {@code content} is
 * HTML-entity-encoded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BoardJobs(List<Post> jobs) {

    public BoardJobs {
        jobs = jobs == null ? List.of() : jobs;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(
            String id,
            @JsonProperty("internal_job_id") String internalJobId,
            String title,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("first_published") String firstPublished,
            Named location,
            @JsonProperty("absolute_url") String absoluteUrl,
            String content,
            List<Unit> departments,
            List<Unit> offices) {

        public Post {
            departments = departments == null ? List.of() : departments;
            offices = offices == null ? List.of() : offices;
        }
    }

    /** A department or office; an office's {@code location} is a string here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String id, String name, Named location) { }
}
