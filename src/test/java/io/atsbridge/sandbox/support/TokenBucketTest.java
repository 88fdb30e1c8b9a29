package io.atsbridge.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private int drain(TokenBucket b, int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) if (b.tryAcquire()) granted++;
        return granted;
    }

    @Test
    void burstOfCapacityThenRefillAtTheSteadyRate() {
        TokenBucket b = new TokenBucket(10, 20, nanos::get);
        assertThat(drain(b, 25)).isEqualTo(20);
        nanos.addAndGet(250_000_000L); // 0.25 s at 10/s
        assertThat(drain(b, 10)).isEqualTo(2);
        nanos.addAndGet(1_000_000_000L);
        assertThat(drain(b, 30)).isEqualTo(10);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket b = new TokenBucket(10, 20, nanos::get);
        nanos.addAndGet(60_000_000_000L);
        assertThat(drain(b, 50)).isEqualTo(20);
    }
}
