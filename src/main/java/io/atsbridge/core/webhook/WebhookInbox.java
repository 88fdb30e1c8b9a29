package io.atsbridge.core.webhook;

import io.atsbridge.core.db.Db;
import jakarta.annotation.PreDestroy;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable webhook intake with group commit. Request threads hand their receipt to one writer thread and wait; the
 * writer inserts whatever has queued up in one batch and one transaction, then releases every waiter. Under load a
 * commit carries many receipts, so the database is not the bottleneck; alone, a receipt is written at once. A
 * request is answered 2xx only after its receipt is committed.
 */
@Component
public class WebhookInbox {
    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);
    private static final int MAX_BATCH = 256;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread writer;
    private final WebhookWakeUp wakeUp;
    private volatile boolean running = true;

    public WebhookInbox(JdbcTemplate jdbc, TransactionTemplate tx, Optional<Clock> clock, WebhookWakeUp wakeUp) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemUTC());
        this.wakeUp = wakeUp;
        this.writer = new Thread(this::writeLoop, "webhook-inbox-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** A receipt to store; {@code dedupeKey} null for a rejected one (rejections are never deduplicated). */
    public record NewReceipt(String connectionId, String provider, String dedupeKey, String eventType, String verdict, String reason,
                             String headersJson, byte[] body) { }

    private record Pending(NewReceipt receipt, CompletableFuture<Boolean> done) { }

    /**
     * Stores a receipt durably; true when stored, false when its dedupe key was already there (a replay).
     * Throws when the database cannot take it within the timeout: the caller answers 503 and the ATS retries.
     */
    public boolean store(NewReceipt r) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        if (!queue.offer(new Pending(r, f))) {
            throw new io.atsbridge.core.HubException(503, "unavailable", "the webhook inbox is full: retry later", null);
        }
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a webhook", e);
        } catch (ExecutionException | TimeoutException e) {
            // the ATS retries on any non-2xx: nothing accepted is lost
            throw new io.atsbridge.core.HubException(503, "unavailable", "the webhook could not be stored: retry later", null);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("webhook inbox batch of {} failed", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Instant now = clock.instant();
        int[] counts = tx.execute(s -> jdbc.batchUpdate("insert into webhook_receipt (connection_id, provider, dedupe_key, event_type, "
                        + "verdict, reason, headers, body, received_at) values (?,?,?,?,?,?,?,?,?) on conflict do nothing",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                        NewReceipt r = batch.get(i).receipt();
                        ps.setString(1, r.connectionId());
                        ps.setString(2, r.provider());
                        ps.setString(3, r.dedupeKey());
                        ps.setString(4, r.eventType());
                        ps.setString(5, r.verdict());
                        ps.setString(6, r.reason());
                        ps.setString(7, r.headersJson());
                        ps.setBytes(8, r.body());
                        ps.setObject(9, Db.ts(now));
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                }));
        boolean any = false;
        for (int i = 0; i < batch.size(); i++) {
            // drivers may report SUCCESS_NO_INFO (-2) for a batched row: only 0 means "nothing inserted"
            boolean inserted = counts[i] != 0;
            any |= inserted && "accepted".equals(batch.get(i).receipt().verdict());
            batch.get(i).done().complete(inserted);
        }
        if (any) {
            wakeUp.signal();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }
}
