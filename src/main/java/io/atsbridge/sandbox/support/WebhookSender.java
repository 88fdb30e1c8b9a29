package io.atsbridge.sandbox.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers simulated ATS webhooks: asynchronously, success only on 2xx (redirects are not followed and count as
 * failures, as Lever counts them), then retries after each configured delay. Keeps a bounded delivery log per tag
 * (e.g. per sandbox account) for the control APIs, and can rerun any logged delivery with its exact bytes.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** One HTTP try; {@code status} is null when no answer came back (refused, reset, timeout). */
    public record Attempt(int number, long at, Integer status, String error, long durationMs) { }

    /** One logical delivery and its tries. Thread-safe; {@link #view()} is what a control API shows. */
    public static final class Delivery {
        private final String id = UUID.randomUUID().toString();
        private final String tag;
        private final String event;
        private final String url;
        private final byte[] body;
        private final Map<String, String> headers;
        private final long createdAt = System.currentTimeMillis();
        private final List<Attempt> attempts = new ArrayList<>();
        private String status = "pending";
        private final String note;

        Delivery(String tag, String event, String url, byte[] body, Map<String, String> headers, String note) {
            this.tag = tag;
            this.event = event;
            this.url = url;
            this.body = body;
            this.headers = Map.copyOf(headers);
            this.note = note;
        }

        public String id() { return id; }
        public String tag() { return tag; }
        public String event() { return event; }
        public String url() { return url; }
        public byte[] body() { return body.clone(); }
        public Map<String, String> headers() { return headers; }
        public synchronized String status() { return status; }
        public synchronized List<Attempt> attempts() { return List.copyOf(attempts); }

        public synchronized Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("event", event);
            m.put("url", url);
            m.put("status", status);
            m.put("note", note);
            m.put("createdAt", createdAt);
            List<Map<String, Object>> as = new ArrayList<>();
            for (Attempt a : attempts) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("number", a.number());
                x.put("at", a.at());
                x.put("status", a.status());
                x.put("error", a.error());
                x.put("durationMs", a.durationMs());
                as.add(x);
            }
            m.put("attempts", as);
            m.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return m;
        }
    }

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final int logCapacity;
    private volatile List<Duration> retryDelays;
    private volatile Duration timeout;
    private final Map<String, Deque<Delivery>> logs = new ConcurrentHashMap<>();

    public WebhookSender(List<Duration> retryDelays, Duration timeout, int logCapacity, String threadName) {
        this.retryDelays = List.copyOf(retryDelays);
        this.timeout = timeout;
        this.logCapacity = logCapacity;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).executor(scheduler).build();
    }

    public void setRetryDelays(List<Duration> delays) { this.retryDelays = List.copyOf(delays); }
    public List<Duration> retryDelays() { return retryDelays; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }

    /** Logs and starts a delivery; returns at once. */
    public Delivery send(String tag, String event, String url, byte[] body, Map<String, String> headers, String note) {
        Delivery d = new Delivery(tag, event, url, body, headers, note);
        Deque<Delivery> q = logs.computeIfAbsent(tag, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addFirst(d);
            while (q.size() > logCapacity) q.removeLast();
        }
        scheduler.execute(() -> attempt(d, 1));
        return d;
    }

    /** Sends a logged delivery again, byte for byte, as a new delivery (a manual rerun or a duplicate). */
    public Delivery resend(Delivery original, String note) {
        return send(original.tag, original.event, original.url, original.body, original.headers, note);
    }

    /** Newest first. */
    public List<Delivery> log(String tag) {
        Deque<Delivery> q = logs.get(tag);
        if (q == null) return List.of();
        synchronized (q) {
            return List.copyOf(q);
        }
    }

    public Delivery find(String tag, String id) {
        return log(tag).stream().filter(d -> d.id.equals(id)).findFirst().orElse(null);
    }

    public void forget(String tag) {
        logs.remove(tag);
    }

    private void attempt(Delivery d, int number) {
        long start = System.currentTimeMillis();
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(d.url)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
            d.headers.forEach(b::header);
        } catch (IllegalArgumentException e) {
            record(d, new Attempt(number, start, null, "invalid URL or header: " + e.getMessage(), 0), false, number);
            return;
        }
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
            long took = System.currentTimeMillis() - start;
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                record(d, new Attempt(number, start, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), took),
                        false, number);
            } else {
                int s = res.statusCode();
                record(d, new Attempt(number, start, s, null, took), s >= 200 && s < 300, number);
            }
        });
    }

    private void record(Delivery d, Attempt a, boolean ok, int number) {
        List<Duration> delays = retryDelays;
        synchronized (d) {
            d.attempts.add(a);
            d.status = ok ? "delivered" : number > delays.size() ? "failed" : "retrying";
        }
        if (!ok && number <= delays.size()) {
            scheduler.schedule(() -> attempt(d, number + 1), delays.get(number - 1).toMillis(), TimeUnit.MILLISECONDS);
        } else if (!ok) {
            log.info("sandbox webhook {} to {} failed after {} attempts", d.event, d.url, number);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
