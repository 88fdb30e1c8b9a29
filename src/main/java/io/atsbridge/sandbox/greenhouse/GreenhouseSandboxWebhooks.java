package io.atsbridge.sandbox.greenhouse;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Greenhouse's webhook sender (fact sheet §4): {@code {action,payload}} as Rails-escaped compact JSON, signed
 * {@code Signature: sha256 <hex>} over the exact bytes sent, a {@code Greenhouse-Event-ID} per delivery (kept across
 * its retries so receivers can de-duplicate), retried on anything but 200 on the configured (compressed) schedule.
 * Deliveries to one webhook go out in order; the control API can break that order, duplicate, or sign badly on purpose.
 */
@Component
@GreenhouseSandboxEnabled
public class GreenhouseSandboxWebhooks {
    private static final Logger log = LoggerFactory.getLogger(GreenhouseSandboxWebhooks.class);
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "greenhouse-event-id",
            "authorization", "user-agent", "signature", "host", "connection");
    static final String USER_AGENT = "Greenhouse-Webhooks/1.0 (atsbridge sandbox)";

    private final GreenhouseSandboxProperties props;
    private final HttpClient http;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> daemon(r, "gh-sandbox-webhook"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "gh-sandbox-retry"));
    private final Map<Long, SerialQueue> queues = new ConcurrentHashMap<>();

    public GreenhouseSandboxWebhooks(GreenhouseSandboxProperties props) {
        this.props = props;
        this.http = HttpClient.newBuilder().connectTimeout(props.getWebhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One event as Greenhouse produces it; snapshot bytes are built once per webhook and reused on every retry. */
    record Delivery(GhAccount account, GhWebhook hook, String action, String eventId, byte[] body) { }

    /** Queues an event for every active webhook of the account that subscribes to it. Call outside the account lock. */
    void fire(GhAccount account, String action, Map<String, Object> payload) {
        List<GhWebhook> hooks;
        synchronized (account.webhooks) {
            hooks = new ArrayList<>(account.webhooks.values());
        }
        for (GhWebhook h : hooks) {
            if (!h.active || !h.wants(action)) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.put("payload", payload);
            Delivery d = new Delivery(account, h, action, UUID.randomUUID().toString(), GhJson.webhookBody(body));
            ControlSwitches sw = account.webhookSwitches;
            boolean dup = GhFaults.take(sw.duplicateNext);
            boolean swap = GhFaults.take(sw.outOfOrderNext);
            queue(h).submit(d, swap);
            if (dup) {
                queue(h).submit(d, false);
            }
        }
    }

    /** Saving a webhook pings it synchronously; a ping that does not get 200 leaves the webhook disabled (§4.3). */
    boolean ping(GhAccount account, GhWebhook hook) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("web_hook_id", hook.id);
        p.put("endpoint_url", hook.url);
        p.put("created_at", GhTime.iso(hook.createdAt));
        p.put("updated_at", GhTime.iso(hook.updatedAt));
        p.put("name", hook.name);
        p.put("event", label(hook));
        p.put("active", true);
        p.put("content-type", "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "ping");
        body.put("payload", p);
        Delivery d = new Delivery(account, hook, "ping", UUID.randomUUID().toString(), GhJson.webhookBody(body));
        Integer status = send(d, 1, false, "ping");
        hook.lastPing = status == null ? "failed" : String.valueOf(status);
        return status != null && status == 200;
    }

    /** Re-sends a logged delivery with the same event id (a duplicate), optionally with a wrong signature. */
    boolean redeliver(GhAccount account, String eventId, boolean badSignature) {
        Delivery d = account.sentBodies.get(eventId);
        if (d == null) {
            return false;
        }
        pool.submit(() -> send(d, 1, badSignature, badSignature ? "redeliver-bad-signature" : "redeliver"));
        return true;
    }

    /** Releases events held back for out-of-order delivery. */
    void flush(GhAccount account) {
        synchronized (account.webhooks) {
            for (GhWebhook h : account.webhooks.values()) {
                queue(h).flush();
            }
        }
    }

    void forget(long webhookId) {
        queues.remove(webhookId);
    }

    private SerialQueue queue(GhWebhook h) {
        return queues.computeIfAbsent(h.id, k -> new SerialQueue());
    }

    private void attempt(Delivery d, int attempt) {
        boolean bad = GhFaults.take(d.account().webhookSwitches.badSignatureNext);
        Integer status = send(d, attempt, bad, bad ? "bad-signature" : "normal");
        if (status != null && status == 200) {
            return;
        }
        List<Duration> delays = props.getWebhookRetryDelays();
        if (attempt <= delays.size() && d.hook().active) {
            timer.schedule(() -> pool.submit(() -> attempt(d, attempt + 1)),
                    delays.get(attempt - 1).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** @return the HTTP status, or null on a network error or timeout */
    private Integer send(Delivery d, int attempt, boolean badSignature, String mode) {
        GhWebhook h = d.hook();
        String secret = badSignature ? h.secret + "-not-the-secret" : h.secret;
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(h.url))
                .timeout(props.getWebhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Greenhouse-Event-ID", d.eventId())
                .header("Signature", GhJson.signature(secret, d.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
        if (h.basicUsername != null) {
            String cred = h.basicUsername + ":" + (h.basicPassword == null ? "" : h.basicPassword);
            rb.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
        }
        h.customHeaders.forEach((k, v) -> {
            if (!RESERVED_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                rb.header(k, v);
            }
        });
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> res = http.send(rb.build(), HttpResponse.BodyHandlers.discarding());
            status = res.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "invalid request: " + e.getMessage();
        }
        boolean ok = status != null && status == 200;
        boolean willRetry = !ok && "normal".equals(mode) && attempt <= props.getWebhookRetryDelays().size() && h.active;
        if (!"ping".equals(d.action())) {
            d.account().sentBodies.put(d.eventId(), d);
        }
        d.account().logDelivery(new GhDeliveryRecord(d.eventId(), h.id, d.action(), attempt, mode, status, error,
                Instant.now(), willRetry), props.getDeliveryLogSize());
        if (!ok) {
            log.debug("sandbox greenhouse webhook {} {} attempt {} -> {}", h.id, d.action(), attempt,
                    status != null ? status : error);
        }
        return status;
    }

    private static String label(GhWebhook h) {
        if (h.events.isEmpty() || h.events.contains("all")) {
            return "All Events";
        }
        String first = h.events.iterator().next();
        StringBuilder b = new StringBuilder();
        for (String part : first.split("_")) {
            b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Per-webhook FIFO on the shared pool, so a slow endpoint delays only its own events. */
    private final class SerialQueue {
        private final java.util.ArrayDeque<Delivery> pending = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Delivery> held = new java.util.ArrayDeque<>();
        private boolean running;

        synchronized void submit(Delivery d, boolean holdBack) {
            if (holdBack) {
                held.add(d);   // released right after the next event, so the receiver sees them swapped
                return;
            }
            pending.add(d);
            while (!held.isEmpty()) {
                pending.add(held.poll());
            }
            kick();
        }

        synchronized void flush() {
            while (!held.isEmpty()) {
                pending.add(held.poll());
            }
            kick();
        }

        private void kick() {
            if (!running && !pending.isEmpty()) {
                running = true;
                pool.submit(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Delivery d;
                synchronized (this) {
                    d = pending.poll();
                    if (d == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    attempt(d, 1);
                } catch (RuntimeException e) {
                    log.warn("sandbox greenhouse webhook delivery failed unexpectedly: {}", e.toString());
                }
            }
        }
    }

    /** Control-API switches for the next deliveries of an account. */
    static final class ControlSwitches {
        final AtomicInteger duplicateNext = new AtomicInteger();
        final AtomicInteger outOfOrderNext = new AtomicInteger();
        final AtomicInteger badSignatureNext = new AtomicInteger();
    }
}
