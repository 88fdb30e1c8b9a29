package io.atsbridge.core;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A poll loop's doorbell: work written on this instance starts at once instead of at the next poll. */
public class WakeUp {
    private final Semaphore signal = new Semaphore(0);

    public void signal() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits up to {@code millis} for a signal. */
    public void await(long millis) throws InterruptedException {
        if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
