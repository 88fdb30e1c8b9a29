package io.atsbridge.core.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the earlier attempts of one delivery achieved in the ATS (ids of objects created, steps done). A flow records a
 * step as soon as the ATS confirms it; the engine persists the map after every attempt, successful or not, so a
 * retried flow resumes instead of repeating a create.
 */
public final class DeliveryProgress {
    private final Map<String, String> values;

    public DeliveryProgress(Map<String, String> initial) {
        this.values = new LinkedHashMap<>(initial == null ? Map.of() : initial);
    }

    public synchronized String get(String key) {
        return values.get(key);
    }

    public synchronized boolean done(String step) {
        return "done".equals(values.get("step." + step));
    }

    public synchronized void put(String key, String value) {
        values.put(key, value);
    }

    public synchronized void markDone(String step) {
        values.put("step." + step, "done");
    }

    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
