package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /v1/partner/candidates} answer: {@code {id, application_id, external_id, profile_url}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerCandidateResponse(
        String id,
        @JsonProperty("application_id") String applicationId,
        @JsonProperty("external_id") String externalId,
        @JsonProperty("profile_url") String profileUrl) { }
