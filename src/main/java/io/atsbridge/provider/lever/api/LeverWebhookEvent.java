package io.atsbridge.provider.lever.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook delivery (providers/lever.md §7.2): {@code {id, triggeredAt, event, data, signature, token}}.
 * {@code triggeredAt} stays as the raw JSON number text because the signature covers its decimal form.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeverWebhookEvent(String id, String event, JsonNode triggeredAt, String token, String signature, JsonNode data) {

    public String triggeredAtText() {
        return triggeredAt == null || triggeredAt.isNull() ? null : triggeredAt.asText();
    }

    public long triggeredAtMillis() {
        return triggeredAt == null ? 0 : triggeredAt.asLong(0);
    }

    /** The settings page's test delivery: {@code data: {}}. */
    public boolean isPing() {
        return data == null || data.isNull() || (data.isObject() && data.isEmpty());
    }

    public String opportunityId() {
        if (data == null) {
            return null;
        }
        String id = data.path("opportunityId").asText(null);
        return id != null ? id : data.path("candidateId").asText(null);
    }
}
