package io.atsbridge.sandbox.greenhouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected into one account's API traffic (never into the control API). Lock-free: read on every request. */
final class GhFaults {
    volatile double errorRate;
    volatile int errorStatus = 500;
    final AtomicInteger rateLimitStorm = new AtomicInteger();
    volatile int retryAfterSeconds = 2;
    volatile long slowMs;
    final AtomicInteger resetNext = new AtomicInteger();
    final AtomicInteger commitThenDrop = new AtomicInteger();

    boolean rollError() {
        double r = errorRate;
        return r > 0 && ThreadLocalRandom.current().nextDouble() < r;
    }

    static boolean take(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    void clear() {
        errorRate = 0;
        errorStatus = 500;
        rateLimitStorm.set(0);
        retryAfterSeconds = 2;
        slowMs = 0;
        resetNext.set(0);
        commitThenDrop.set(0);
    }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorRate", errorRate);
        m.put("errorStatus", errorStatus);
        m.put("rateLimitStorm", rateLimitStorm.get());
        m.put("retryAfterSeconds", retryAfterSeconds);
        m.put("slowMs", slowMs);
        m.put("resetNext", resetNext.get());
        m.put("commitThenDrop", commitThenDrop.get());
        return m;
    }
}
