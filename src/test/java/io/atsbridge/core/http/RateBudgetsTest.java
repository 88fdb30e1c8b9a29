package io.atsbridge.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.atsbridge.core.provider.RateLimit;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {
    private final RateBudgets budgets = new RateBudgets();

    @Test
    void pacesCallsToTheProvidersBudgetPerConnection() throws Exception {
        RateLimit tenPerSecond = RateLimit.perSecond(10, 20);
        long t0 = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            assertThat(budgets.acquire("con_a", tenPerSecond, RateBudgets.Priority.READ)).isTrue();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // 25 calls at 10/s need at least two refills
        assertThat(ms).isGreaterThanOrEqualTo(1500);
        // another connection has its own budget
        long t1 = System.nanoTime();
        budgets.acquire("con_b", tenPerSecond, RateBudgets.Priority.READ);
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(500);
    }

    @Test
    void anAtsPauseStopsEveryFlowOfTheConnection() throws Exception {
        RateLimit limit = RateLimit.perSecond(100, 100);
        budgets.acquire("con_c", limit, RateBudgets.Priority.WRITE);
        budgets.pause("con_c", Instant.now().plusMillis(600));
        long t0 = System.nanoTime();
        budgets.acquire("con_c", limit, RateBudgets.Priority.READ);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(500);
    }

    @Test
    void writesGoBeforeReads() throws Exception {
        RateLimit onePerSecond = RateLimit.perSecond(1, 1);
        budgets.acquire("con_d", onePerSecond, RateBudgets.Priority.WRITE); // uses this second's permit
        AtomicLong writeDone = new AtomicLong();
        AtomicLong readDone = new AtomicLong();
        CountDownLatch writerWaiting = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                writerWaiting.countDown();
                budgets.acquire("con_d", onePerSecond, RateBudgets.Priority.WRITE);
                writeDone.set(System.nanoTime());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        writerWaiting.await();
        Thread.sleep(50);
        budgets.acquire("con_d", onePerSecond, RateBudgets.Priority.READ);
        readDone.set(System.nanoTime());
        writer.join();
        assertThat(writeDone.get()).isLessThan(readDone.get());
    }
}
