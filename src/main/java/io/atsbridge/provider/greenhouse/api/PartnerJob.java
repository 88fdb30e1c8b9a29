package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /v1/partner/jobs} item: {@code [{id, name, status: "open", public}]}. {@code public} = has a live post on
 * some board (fact sheet §1.2). Ids are kept as strings: Greenhouse ids outgrow an int.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerJob(String id, String name, String status, @JsonProperty("public") Boolean isPublic) { }
