package io.atsbridge.core.provider;

import java.time.Duration;

/** A provider's documented budget: {@code permits} calls per {@code period}, with short bursts up to {@code burst}. */
public record RateLimit(int permits, Duration period, int burst) {
    public static RateLimit perSecond(int permits, int burst) {
        return new RateLimit(permits, Duration.ofSeconds(1), burst);
    }
}
