package io.atsbridge.provider.lever.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * An opportunity (one candidacy) as Lever returns it (providers/lever.md §6.2). {@code stage}, {@code applications}
 * and {@code archived} stay raw: they are ids or objects depending on {@code expand}, and may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeverOpportunity(String id, String name, String headline, String contact, List<String> emails,
                               List<Phone> phones, List<String> links, String location, JsonNode stage,
                               List<String> tags, List<String> sources, String origin, JsonNode applications,
                               JsonNode archived) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phone(String type, String value) { }

    public String stageId() {
        if (stage == null || stage.isNull()) {
            return null;
        }
        return stage.isObject() ? stage.path("id").asText(null) : stage.asText(null);
    }

    public boolean hasEmail(String email) {
        if (email == null || emails == null) {
            return false;
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        return emails.stream().anyMatch(x -> x != null && x.trim().toLowerCase(Locale.ROOT).equals(e));
    }

    public boolean hasTag(String tag) {
        return tags != null && tags.contains(tag);
    }

    /**
     * Whether this candidacy is on {@code postingId}: true/false when {@code applications} were expanded, null when
     * they are bare ids (then only the server-side {@code posting_id} filter tells).
     */
    public Boolean onPosting(String postingId) {
        if (applications == null || !applications.isArray() || applications.isEmpty()) {
            return Boolean.FALSE;
        }
        boolean expanded = false;
        for (JsonNode a : applications) {
            if (a.isObject()) {
                expanded = true;
                if (postingId.equals(a.path("posting").asText(null))) {
                    return Boolean.TRUE;
                }
            }
        }
        return expanded ? Boolean.FALSE : null;
    }
}
