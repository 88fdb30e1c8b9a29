package io.atsbridge.core.http;

import io.atsbridge.core.provider.RateLimit;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * One request budget per connection, shared by every flow of that connection (exports, screenings, imports, webhook
 * look-ups). Paced by a Resilience4j rate limiter sized from the provider's documented limit; the ATS's own signals
 * (429 with Retry-After, X-RateLimit-Remaining: 0 with a reset time) pause the whole connection. Writes go first:
 * a background read (job import) waits while a write of the same connection is waiting for a permit.
 */
@Component
public class RateBudgets {
    /** The longest a caller blocks here; past it the call fails RATE_LIMITED and the durable schedule does the waiting. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);
    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    private final ConcurrentHashMap<String, Budget> budgets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicReference<Instant>> pauses = new ConcurrentHashMap<>();

    public enum Priority { WRITE, READ }

    /** Blocks until the connection may make one call; false when no permit came within the maximum wait. */
    public boolean acquire(String connectionId, RateLimit limit, Priority priority) throws InterruptedException {
        // one budget per connection and limit (a provider's token endpoint has its own), one pause per connection
        String key = connectionId + "|" + limit.permits() + "/" + limit.period().toMillis();
        Budget b = budgets.computeIfAbsent(key, id -> new Budget(registry.rateLimiter("ats-" + id,
                RateLimiterConfig.custom()
                        .limitForPeriod(Math.max(1, limit.permits()))
                        .limitRefreshPeriod(limit.period())
                        .timeoutDuration(MAX_WAIT)
                        .build())));
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (priority == Priority.READ && b.waitingWrites.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        AtomicReference<Instant> paused = pauses.get(connectionId);
        Instant pause = paused == null ? null : paused.get();
        if (pause != null && pause.isAfter(Instant.now())) {
            long ms = Duration.between(Instant.now(), pause).toMillis();
            if (ms > MAX_WAIT.toMillis()) {
                return false; // do not hold a worker thread for a long ATS pause
            }
            Thread.sleep(ms);
        }
        if (priority == Priority.WRITE) {
            b.waitingWrites.incrementAndGet();
        }
        try {
            return b.limiter.acquirePermission();
        } finally {
            if (priority == Priority.WRITE) {
                b.waitingWrites.decrementAndGet();
            }
        }
    }

    /** The ATS told us to stop until {@code until}: every flow of the connection waits. */
    public void pause(String connectionId, Instant until) {
        pauses.computeIfAbsent(connectionId, k -> new AtomicReference<>())
                .accumulateAndGet(until, (a, n) -> a == null || n.isAfter(a) ? n : a);
    }

    /** How long the ATS asked this connection to stay quiet from now, or zero. */
    public Duration remainingPause(String connectionId) {
        AtomicReference<Instant> ref = pauses.get(connectionId);
        Instant p = ref == null ? null : ref.get();
        return p == null || !p.isAfter(Instant.now()) ? Duration.ZERO : Duration.between(Instant.now(), p);
    }

    /** Forgets a connection's budget (revoked, or its provider changed). */
    public void forget(String connectionId) {
        budgets.keySet().removeIf(k -> {
            boolean mine = k.startsWith(connectionId + "|");
            if (mine) {
                registry.remove("ats-" + k);
            }
            return mine;
        });
        pauses.remove(connectionId);
    }

    private static final class Budget {
        final RateLimiter limiter;
        final AtomicInteger waitingWrites = new AtomicInteger();

        Budget(RateLimiter limiter) {
            this.limiter = limiter;
        }
    }
}
