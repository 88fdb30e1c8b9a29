package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The flat post of {@code job_post_created}/{@code job_post_updated} ({@code payload}) and the nested one of
 * {@code job_post_deleted} ({@code payload.job_post}). {@code location} is a string here; {@code job_id} is absent
 * for a prospect post. {@code content} is raw HTML (JSON-escaped only, not entity-encoded).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookJobPost(
        String id,
        String title,
        Named location,
        String content,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("job_id") String jobId,
        Boolean live,
        Boolean external,
        Boolean internal) { }
