package io.atsbridge.sandbox.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that tests can push forward (token expiry, inactivity windows) without sleeping. */
public final class SimClock extends Clock {
    private final AtomicLong offsetMillis = new AtomicLong();

    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    public void reset() {
        offsetMillis.set(0);
    }

    public long offsetMillis() {
        return offsetMillis.get();
    }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
}
