package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/partner/candidates} body (fact sheet §1.3). {@code prospect} is always sent explicitly because
 * Greenhouse defaults it to true; {@code job_id} is required when it is false. There is no source field: the partner
 * (the board) is the source.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartnerCandidateRequest(
        @JsonInclude(JsonInclude.Include.ALWAYS) boolean prospect,
        @JsonProperty("job_id") Long jobId,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("external_id") String externalId,
        String company,
        String title,
        String resume,
        @JsonProperty("phone_numbers") List<PhoneNumber> phoneNumbers,
        List<Email> emails,
        List<Address> addresses,
        @JsonProperty("social_media") List<Url> socialMedia,
        List<Website> websites,
        String notes) {

    /** type ∈ mobile, home, work, other. */
    public record PhoneNumber(@JsonProperty("phone_number") String phoneNumber, String type) { }

    /** type ∈ personal, work, other. */
    public record Email(String email, String type) { }

    /** Free text; type ∈ home, work, other. */
    public record Address(String address, String type) { }

    public record Url(String url) { }

    /** type ∈ personal, company, portfolio, blog, other. */
    public record Website(String url, String type) { }

    @Override
    public String toString() {
        // personal data stays out of logs
        return "PartnerCandidateRequest[prospect=" + prospect + ", jobId=" + jobId + ", externalId=" + externalId + "]";
    }
}
