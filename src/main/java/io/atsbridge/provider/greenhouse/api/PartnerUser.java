package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /v1/partner/current_user}: the On-Behalf-Of user (fact sheet §1.2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerUser(
        String id,
        @JsonProperty("full_name") String fullName,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        String email) {

    /** "Full Name (email)", what the connection shows as the account we act as. */
    public String label() {
        String name = fullName != null && !fullName.isBlank() ? fullName
                : ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (name.isEmpty()) {
            return email == null ? "Greenhouse user " + id : email;
        }
        return email == null ? name : name + " (" + email + ")";
    }
}
