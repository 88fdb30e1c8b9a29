package io.atsbridge.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.HubException;
import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.connection.StoredConnection;
import io.atsbridge.core.db.Db;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ProviderRegistry;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.core.status.SignalService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook inbox: verify on the raw bytes, store, answer; then process from the table. A forged delivery is kept
 * as {@code rejected} (for diagnosis) and changes nothing; a replay (same dedupe key) is answered 2xx and changes
 * nothing; an accepted one is turned into signals by its provider and applied, in arrival order.
 */
@Service
public class WebhookService {
    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final String COLUMNS = "id, connection_id, provider, dedupe_key, event_type, verdict, reason, headers, body, attempts, "
            + "received_at, processed_at";
    private final ConnectionRepository connections;
    private final ConnectionService connectionService;
    private final ProviderRegistry providers;
    private final WebhookInbox inbox;
    private final SignalService signals;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WebhookWakeUp wakeUp;
    private final TransactionTemplate tx;
    private final io.atsbridge.core.status.StatusPollService confirmations;
    private final Clock clock;

    public WebhookService(ConnectionRepository connections, ConnectionService connectionService, ProviderRegistry providers,
                          WebhookInbox inbox, SignalService signals, JdbcTemplate jdbc, ObjectMapper json, WebhookWakeUp wakeUp,
                          TransactionTemplate tx, io.atsbridge.core.status.StatusPollService confirmations, Optional<Clock> clock) {
        this.tx = tx;
        this.confirmations = confirmations;
        this.connections = connections;
        this.connectionService = connectionService;
        this.providers = providers;
        this.inbox = inbox;
        this.signals = signals;
        this.jdbc = jdbc;
        this.json = json;
        this.wakeUp = wakeUp;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public enum Verdict { ACCEPTED, DUPLICATE, REJECTED }

    /** Intake: verify, store, and say what to answer. 404 for an unknown (or revoked) connection. */
    public Verdict receive(String provider, String connectionId, Map<String, String> headers, byte[] body) {
        StoredConnection c = recentConnection(connectionId).filter(x -> x.provider().equals(provider) && !"revoked".equals(x.status()))
                .orElseThrow(() -> HubException.notFound("no " + provider + " connection " + connectionId));
        AtsProvider p = providers.get(provider);
        ConnectionContext ctx = connectionService.context(c);
        WebhookRequest req = new WebhookRequest(headers, body);
        WebhookCheck check = p.verifyWebhook(ctx, req);
        String headersJson = headersJson(headers);
        if (!check.valid()) {
            // kept for diagnosis, but bounded: anyone who knows the URL can send these
            byte[] kept = body.length > 4096 ? java.util.Arrays.copyOf(body, 4096) : body;
            inbox.store(new WebhookInbox.NewReceipt(connectionId, provider, null, bounded(check.eventType(), 100), "rejected",
                    bounded(check.reason(), 1000), headersJson, kept));
            log.warn("{} webhook for connection {} rejected: {}", provider, connectionId, check.reason());
            return Verdict.REJECTED;
        }
        boolean stored = inbox.store(new WebhookInbox.NewReceipt(connectionId, provider, dedupeKey(check.dedupeKey()),
                bounded(check.eventType(), 100), "accepted", null, headersJson, body));
        return stored ? Verdict.ACCEPTED : Verdict.DUPLICATE;
    }

    private record Seen(StoredConnection connection, long atNanos) { }

    private final java.util.concurrent.ConcurrentHashMap<String, Seen> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The connection row, read at most once a second per connection on the intake's hot path (a webhook burst does
     * not re-read it per request); a revoke or reconnect is seen within that second.
     */
    private Optional<StoredConnection> recentConnection(String connectionId) {
        Seen seen = recent.get(connectionId);
        long nowNanos = System.nanoTime();
        if (seen != null && nowNanos - seen.atNanos() < 1_000_000_000L) {
            return Optional.of(seen.connection());
        }
        Optional<StoredConnection> c = connections.findById(connectionId);
        if (c.isPresent()) {
            if (recent.size() > 10_000) {
                recent.clear();
            }
            recent.put(connectionId, new Seen(c.get(), nowNanos));
        } else {
            recent.remove(connectionId);
        }
        return c;
    }

    /** A (re)connected company: receipts held while its connection was invalid are processed now. */
    @org.springframework.context.event.EventListener
    public void onConnected(ConnectionService.Connected connected) {
        if (jdbc.update("update webhook_receipt set claimed_until = null where connection_id = ? and verdict = 'accepted'",
                connected.view().id()) > 0) {
            wakeUp.signal();
        }
    }

    /** One processing pass (the {@code core-webhook-processor} route): applies accepted receipts in arrival order. */
    public int processPending() throws InterruptedException {
        int n = processBatch();
        confirmations.confirmDue();
        if (n == 0) {
            wakeUp.await(250);
            n = processBatch();
        }
        return n;
    }

    private int processBatch() {
        List<WebhookReceipt> batch = claim(50);
        List<Object[]> done = new java.util.ArrayList<>(batch.size());
        for (WebhookReceipt r : batch) {
            process(r, done);
        }
        // one commit for the batch's verdicts: re-processing a receipt after a crash here is harmless (idempotent)
        if (!done.isEmpty()) {
            tx.executeWithoutResult(st -> jdbc.batchUpdate("update webhook_receipt set verdict = ?, reason = ?, processed_at = ?, "
                    + "attempts = attempts + 1, claimed_until = null where id = ?", done));
        }
        return batch.size();
    }

    /** Claims accepted receipts with a lease, in one transaction so SKIP LOCKED keeps instances apart. */
    public List<WebhookReceipt> claim(int limit) {
        return tx.execute(s -> claimInTx(limit));
    }

    private List<WebhookReceipt> claimInTx(int limit) {
        Instant now = clock.instant();
        List<Long> ids = jdbc.queryForList("select id from webhook_receipt where verdict = 'accepted' and (claimed_until is null or claimed_until < ?) "
                + "order by id limit ? for update skip locked", Long.class, Db.ts(now), limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        MapSqlParameterSource p = new MapSqlParameterSource("ids", ids).addValue("lease", Db.ts(now.plus(Duration.ofMinutes(2))));
        named.update("update webhook_receipt set claimed_until = :lease where id in (:ids)", p);
        return named.query("select " + COLUMNS + " from webhook_receipt where id in (:ids) order by id", p, WebhookService::map);
    }

    void process(WebhookReceipt r, List<Object[]> done) {
        Instant now = clock.instant();
        Optional<StoredConnection> stored = connections.findById(r.connectionId());
        if (stored.isPresent() && "invalid".equals(stored.get().status())) {
            // e.g. a revoked OAuth grant: keep the verified receipt and look again later, so nothing the ATS said in
            // the meantime is lost once the company reconnects
            jdbc.update("update webhook_receipt set claimed_until = ?, reason = ? where id = ?", Db.ts(now.plusSeconds(900)),
                    "held: the connection is invalid until the company reconnects", r.id());
            return;
        }
        Optional<ConnectionContext> ctx = stored.filter(StoredConnection::active).map(connectionService::context);
        if (ctx.isEmpty()) {
            finish(r.id(), "ignored", "the connection was revoked", now);
            return;
        }
        try {
            List<AtsSignal> found = providers.get(r.provider()).parseWebhook(ctx.get(), new WebhookRequest(readHeaders(r.headersJson()), r.body()));
            int changed = found.isEmpty() ? 0 : signals.apply(ctx.get(), found);
            done.add(new Object[] {found.isEmpty() ? "ignored" : "processed", found.isEmpty() ? "no signal in this event" : changed + " change(s)",
                    Db.ts(now), r.id()});
        } catch (AtsException e) {
            if (e.retryable() && r.attempts() + 1 < MAX_ATTEMPTS) {
                jdbc.update("update webhook_receipt set attempts = attempts + 1, reason = ?, claimed_until = ? where id = ?", e.getMessage(),
                        Db.ts(now.plusSeconds(5L << Math.min(10, r.attempts()))), r.id());
            } else {
                finish(r.id(), "failed", e.getMessage(), now);
            }
        } catch (org.springframework.dao.TransientDataAccessException | org.springframework.dao.RecoverableDataAccessException e) {
            // a lock timeout or deadlock with another instance: the whole apply rolled back, so simply try again
            jdbc.update("update webhook_receipt set attempts = attempts + 1, claimed_until = ? where id = ?",
                    Db.ts(now.plusSeconds(2)), r.id());
        } catch (RuntimeException e) {
            log.error("{} webhook receipt {} could not be processed", r.provider(), r.id(), e);
            finish(r.id(), "failed", "internal error: " + e.getClass().getSimpleName(), now);
        }
    }

    private void finish(long id, String verdict, String reason, Instant now) {
        jdbc.update("update webhook_receipt set verdict = ?, reason = ?, processed_at = ?, attempts = attempts + 1, claimed_until = null where id = ?",
                verdict, reason, Db.ts(now), id);
    }

    /** Operators: the latest receipts of a company's connection (body not included). */
    public List<Map<String, Object>> list(String connectionId, int limit) {
        return jdbc.query("select id, provider, dedupe_key, event_type, verdict, reason, attempts, received_at, processed_at "
                        + "from webhook_receipt where connection_id = ? order by id desc limit ?",
                (rs, i) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", Long.toString(rs.getLong("id")));
                    m.put("provider", rs.getString("provider"));
                    m.put("dedupeKey", rs.getString("dedupe_key"));
                    m.put("eventType", rs.getString("event_type"));
                    m.put("verdict", rs.getString("verdict"));
                    m.put("reason", rs.getString("reason"));
                    m.put("attempts", rs.getInt("attempts"));
                    m.put("receivedAt", Db.instant(rs, "received_at"));
                    m.put("processedAt", Db.instant(rs, "processed_at"));
                    return m;
                }, connectionId, limit);
    }

    /** Operators: process a stored, verified receipt again (e.g. after fixing a mapping). Rejected ones stay rejected. */
    public boolean replay(String connectionId, long receiptId) {
        int n = jdbc.update("update webhook_receipt set verdict = 'accepted', claimed_until = null, attempts = 0 "
                + "where id = ? and connection_id = ? and verdict in ('processed', 'ignored', 'failed')", receiptId, connectionId);
        if (n == 1) {
            wakeUp.signal();
        }
        return n == 1;
    }

    /** Keys longer than the column (they may come from an ATS payload) are hashed rather than failing the batch. */
    static String dedupeKey(String key) {
        if (key == null || key.length() <= 300) {
            return key;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private String headersJson(Map<String, String> headers) {
        Map<String, String> safe = new TreeMap<>();
        headers.forEach((k, v) -> {
            String lk = k.toLowerCase(Locale.ROOT);
            if (!lk.equals("authorization") && !lk.equals("cookie") && !lk.startsWith("camel") && v != null) {
                safe.put(lk, v);
            }
        });
        try {
            return json.writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> readHeaders(String s) {
        try {
            return json.readValue(s, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static WebhookReceipt map(ResultSet rs, int i) throws SQLException {
        return new WebhookReceipt(rs.getLong("id"), rs.getString("connection_id"), rs.getString("provider"), rs.getString("dedupe_key"),
                rs.getString("event_type"), rs.getString("verdict"), rs.getString("reason"), rs.getString("headers"), rs.getBytes("body"),
                rs.getInt("attempts"), Db.instant(rs, "received_at"), Db.instant(rs, "processed_at"));
    }
}
