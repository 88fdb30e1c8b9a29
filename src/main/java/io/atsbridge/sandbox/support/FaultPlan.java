package io.atsbridge.sandbox.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults one sandbox account should suffer, set through a control API. Counters ("next N requests") are consumed
 * as requests arrive; {@link #reset()} clears everything.
 */
public final class FaultPlan {
    /** What to do with the request about to be served. */
    public enum Action { NONE, SERVER_ERROR, RATE_LIMITED, RESET }

    private double errorRate;
    private int errorStatus = 500;
    private int rateLimitStorm;
    private Integer retryAfterSeconds;
    private long slowMs;
    private int resetNext;
    private int commitThenDrop;

    public synchronized void configure(Map<String, Object> spec) {
        if (spec.containsKey("errorRate")) errorRate = clamp(num(spec.get("errorRate")).doubleValue());
        if (spec.containsKey("errorStatus")) {
            int s = num(spec.get("errorStatus")).intValue();
            if (s < 500 || s > 599) throw new IllegalArgumentException("errorStatus must be a 5xx status");
            errorStatus = s;
        }
        if (spec.containsKey("rateLimitStorm")) rateLimitStorm = nonNegative(spec.get("rateLimitStorm"), "rateLimitStorm");
        if (spec.containsKey("retryAfterSeconds")) {
            Object v = spec.get("retryAfterSeconds");
            retryAfterSeconds = v == null ? null : nonNegative(v, "retryAfterSeconds");
        }
        if (spec.containsKey("slowMs")) slowMs = Math.min(60_000, nonNegative(spec.get("slowMs"), "slowMs"));
        if (spec.containsKey("resetNext")) resetNext = nonNegative(spec.get("resetNext"), "resetNext");
        if (spec.containsKey("commitThenDrop")) commitThenDrop = nonNegative(spec.get("commitThenDrop"), "commitThenDrop");
    }

    public synchronized void reset() {
        errorRate = 0;
        errorStatus = 500;
        rateLimitStorm = 0;
        retryAfterSeconds = null;
        slowMs = 0;
        resetNext = 0;
        commitThenDrop = 0;
    }

    /** Decides, and consumes a counter, for one incoming request; resets win over storms over random errors. */
    public synchronized Action next() {
        if (resetNext > 0) {
            resetNext--;
            return Action.RESET;
        }
        if (rateLimitStorm > 0) {
            rateLimitStorm--;
            return Action.RATE_LIMITED;
        }
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            return Action.SERVER_ERROR;
        }
        return Action.NONE;
    }

    /** True once per armed "commit then drop": the write was applied, the caller must not hear about it. */
    public synchronized boolean takeCommitThenDrop() {
        if (commitThenDrop > 0) {
            commitThenDrop--;
            return true;
        }
        return false;
    }

    public synchronized long slowMs() { return slowMs; }
    public synchronized int errorStatus() { return errorStatus; }
    public synchronized Integer retryAfterSeconds() { return retryAfterSeconds; }

    public synchronized Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorRate", errorRate);
        m.put("errorStatus", errorStatus);
        m.put("rateLimitStorm", rateLimitStorm);
        m.put("retryAfterSeconds", retryAfterSeconds);
        m.put("slowMs", slowMs);
        m.put("resetNext", resetNext);
        m.put("commitThenDrop", commitThenDrop);
        return m;
    }

    private static Number num(Object v) {
        if (v instanceof Number n) return n;
        try {
            return Double.valueOf(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static int nonNegative(Object v, String name) {
        int i = num(v).intValue();
        if (i < 0) throw new IllegalArgumentException(name + " must be >= 0");
        return i;
    }

    private static double clamp(double d) {
        if (d < 0 || d > 1) throw new IllegalArgumentException("errorRate must be between 0 and 1");
        return d;
    }
}
