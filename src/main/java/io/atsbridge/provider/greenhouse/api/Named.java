package io.atsbridge.provider.greenhouse.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value Greenhouse sends either as a plain string or as an object with a {@code name} (fact sheet §5.8: a post or
 * office {@code location} is a string in webhooks and offices of the Job Board API, {@code {name}} elsewhere).
 */
public record Named(String name) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Named of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return blank(node.asText()) ? null : new Named(node.asText());
        }
        JsonNode n = node.get("name");
        return n == null || n.isNull() || blank(n.asText()) ? null : new Named(n.asText());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
