package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A webhook as configured in Greenhouse's Dev Center: one endpoint, one secret, its events, active or not. */
final class GhWebhook {
    long id;
    String name;
    String url;
    String secret;
    /** Action names; "all" (or empty) means every event, a shortcut the sandbox allows instead of one hook per event. */
    Set<String> events;
    volatile boolean active;
    String basicUsername;
    String basicPassword;
    Map<String, String> customHeaders = Map.of();
    Instant createdAt;
    Instant updatedAt;
    /** Result of the last ping, for the control API. */
    volatile String lastPing;

    boolean wants(String action) {
        return events.isEmpty() || events.contains("all") || events.contains(action);
    }

    /** The secret never leaves the sandbox in a response or a log. */
    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("url", url);
        m.put("events", events);
        m.put("active", active);
        m.put("basic_auth", basicUsername != null);
        m.put("custom_headers", customHeaders.keySet());
        m.put("created_at", GhTime.iso(createdAt));
        m.put("updated_at", GhTime.iso(updatedAt));
        m.put("last_ping", lastPing);
        return m;
    }

    @Override
    public String toString() {
        return "GhWebhook[id=" + id + ", url=" + url + ", active=" + active + "]";
    }
}
