package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One delivery attempt as the control API reports it. */
record GhDeliveryRecord(String eventId, long webhookId, String action, int attempt, String mode, Integer status,
                        String error, Instant at, boolean willRetry) {
    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", eventId);
        m.put("webhook_id", webhookId);
        m.put("action", action);
        m.put("attempt", attempt);
        m.put("mode", mode);
        m.put("status", status);
        m.put("error", error);
        m.put("at", GhTime.iso(at));
        m.put("will_retry", willRetry);
        return m;
    }
}
