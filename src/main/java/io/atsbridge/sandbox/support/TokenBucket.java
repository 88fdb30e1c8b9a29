package io.atsbridge.sandbox.support;

import java.util.function.LongSupplier;

/**
 * A classic token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. Uses the monotonic
 * clock so a simulated wall-clock jump does not refill it.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, double capacity) {
        this(perSecond, capacity, System::nanoTime);
    }

    /** With an injectable monotonic clock, for tests. */
    public TokenBucket(double perSecond, double capacity, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastNanos = nanoTime.getAsLong();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public double perSecond() { return perSecond; }
    public double capacity() { return capacity; }
}
