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
    private final java.util.function.Consumer<Map<String, String>> saver;

    public DeliveryProgress(Map<String, String> initial) {
        this(initial, m -> { });
    }

    /** @param saver persists every change at once (the engine fences it on the delivery's claim) */
    public DeliveryProgress(Map<String, String> initial, java.util.function.Consumer<Map<String, String>> saver) {
        this.values = new LinkedHashMap<>(initial == null ? Map.of() : initial);
        this.saver = saver;
    }

    public synchronized String get(String key) {
        return values.get(key);
    }

    public synchronized boolean done(String step) {
        return "done".equals(values.get("step." + step));
    }

    /** Records a step's result; saved before this returns, so a crash right after cannot lose it. */
    public synchronized void put(String key, String value) {
        values.put(key, value);
        saver.accept(Map.copyOf(values));
    }

    public synchronized void markDone(String step) {
        put("step." + step, "done");
    }

    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
