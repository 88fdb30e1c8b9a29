package io.atsbridge.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsException.Kind;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.RateLimit;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client providers use to call an ATS: paces calls to the connection's budget, applies timeouts, and
 * classifies every failure into an {@link AtsException} the engine understands. It logs method, host, path and status
 * only: never headers, query strings or bodies (they carry keys and personal data).
 */
@Component
public class AtsHttp {
    private static final Logger log = LoggerFactory.getLogger(AtsHttp.class);
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final RateBudgets budgets;
    private final ObjectMapper json;
    private Duration requestTimeout = Duration.ofSeconds(30);

    public AtsHttp(RateBudgets budgets, ObjectMapper json) {
        this.budgets = budgets;
        this.json = json;
    }

    /** For tests: how long a request may take before it counts as a timeout. */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends a request within the connection's budget. Returns 2xx responses; anything else becomes an
     * {@link AtsException}. {@code READ} calls are idempotent look-ups, {@code WRITE} calls may change the ATS.
     */
    public HttpResponse<byte[]> send(ConnectionContext conn, RateLimit limit, HttpRequest.Builder request,
                                     RateBudgets.Priority priority) throws AtsException {
        HttpRequest req = request.timeout(requestTimeout).build();
        boolean write = !"GET".equals(req.method()) && !"HEAD".equals(req.method());
        try {
            if (!budgets.acquire(conn.connectionId(), limit, priority)) {
                Duration pause = budgets.remainingPause(conn.connectionId());
                throw new AtsException(Kind.RATE_LIMITED, 0, "the connection's request budget is exhausted (the ATS asked us to wait)",
                        pause.isZero() ? Duration.ofSeconds(5) : pause, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtsException(Kind.UNAVAILABLE, 0, "interrupted while waiting for the rate budget", null, e);
        }
        HttpResponse<byte[]> resp;
        try {
            HttpResponse<java.io.InputStream> streamed = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            resp = new CappedResponse(streamed, readCapped(streamed.body()));
        } catch (java.io.UncheckedIOException e) {
            throw new AtsException(write ? Kind.AMBIGUOUS : Kind.UNAVAILABLE, 0, "the ATS answer could not be read: "
                    + e.getCause().getMessage(), null, e);
        } catch (HttpTimeoutException e) {
            throw new AtsException(write ? Kind.AMBIGUOUS : Kind.UNAVAILABLE, 0,
                    "no answer from the ATS within " + requestTimeout.toSeconds() + " s", null, e);
        } catch (ConnectException e) {
            throw new AtsException(Kind.UNAVAILABLE, 0, "cannot reach the ATS at " + req.uri().getHost(), null, e);
        } catch (IOException e) {
            // the request may have reached the ATS before the connection broke
            throw new AtsException(write ? Kind.AMBIGUOUS : Kind.UNAVAILABLE, 0,
                    "the connection to the ATS broke: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtsException(Kind.AMBIGUOUS, 0, "interrupted during the ATS call", null, e);
        }
        int st = resp.statusCode();
        log.debug("{} {}{} -> {}", req.method(), req.uri().getHost(), req.uri().getPath(), st);
        observeRateHeaders(conn, resp);
        if (st >= 200 && st < 300) {
            return resp;
        }
        String message = errorMessage(resp.body());
        if (st == 429) {
            Duration wait = retryAfter(resp);
            if (wait != null) {
                budgets.pause(conn.connectionId(), Instant.now().plus(wait));
            }
            throw new AtsException(Kind.RATE_LIMITED, st, "the ATS is rate limiting us" + (message.isEmpty() ? "" : ": " + message), wait, null);
        }
        if (st == 401 || st == 403) {
            throw new AtsException(Kind.AUTH, st, message.isEmpty() ? "the ATS refused our credentials (" + st + ")" : message);
        }
        if (st == 408 || st >= 500) {
            throw new AtsException(Kind.UNAVAILABLE, st, "the ATS answered " + st + (message.isEmpty() ? "" : ": " + message), retryAfter(resp), null);
        }
        throw new AtsException(Kind.REFUSED, st, message.isEmpty() ? "the ATS answered " + st : message);
    }

    private void observeRateHeaders(ConnectionContext conn, HttpResponse<?> resp) {
        String remaining = resp.headers().firstValue("X-RateLimit-Remaining").orElse(null);
        String reset = resp.headers().firstValue("X-RateLimit-Reset").orElse(null);
        if ("0".equals(remaining) && reset != null) {
            Instant until = parseInstant(reset);
            if (until != null) {
                budgets.pause(conn.connectionId(), until);
            }
        }
    }

    /** ATS answers are small JSON: a body past the cap (a misconfigured baseUrl, a hostile host) is cut, never buffered whole. */
    private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    private static byte[] readCapped(java.io.InputStream in) {
        try (in) {
            byte[] b = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (b.length > MAX_RESPONSE_BYTES) {
                throw new java.io.UncheckedIOException(new IOException("the ATS answer is larger than " + MAX_RESPONSE_BYTES + " bytes"));
            }
            return b;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A response whose body was read (within the cap) on the calling thread. */
    private record CappedResponse(HttpResponse<java.io.InputStream> head, byte[] body) implements HttpResponse<byte[]> {
        @Override public int statusCode() { return head.statusCode(); }
        @Override public HttpRequest request() { return head.request(); }
        @Override public java.util.Optional<HttpResponse<byte[]>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return head.headers(); }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return head.sslSession(); }
        @Override public java.net.URI uri() { return head.uri(); }
        @Override public HttpClient.Version version() { return head.version(); }
    }

    static Duration retryAfter(HttpResponse<?> resp) {
        String v = resp.headers().firstValue("Retry-After").orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            Instant at = parseInstant(v);
            return at == null ? null : Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), at);
        }
    }

    private static Instant parseInstant(String v) {
        try {
            long n = Long.parseLong(v.trim());
            return n > 10_000_000_000L ? Instant.ofEpochMilli(n) : n > 1_000_000_000L ? Instant.ofEpochSecond(n) : Instant.now().plusSeconds(n);
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException e2) {
                try {
                    return Instant.parse(v.trim());
                } catch (RuntimeException e3) {
                    return null;
                }
            }
        }
    }

    /** The ATS's own reason from the usual error shapes ({message}, {code,message}, {errors:[{message}]}). */
    String errorMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode n = json.readTree(body);
            if (n.hasNonNull("message")) {
                return n.get("message").asText();
            }
            if (n.path("errors").isArray() && !n.path("errors").isEmpty()) {
                JsonNode e = n.path("errors").get(0);
                return e.path("message").asText("") + (e.hasNonNull("field") ? " (field " + e.get("field").asText() + ")" : "");
            }
            if (n.hasNonNull("error")) {
                return n.get("error").isTextual() ? n.get("error").asText() : n.get("error").toString();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall through to the text
        }
        String s = new String(body, StandardCharsets.UTF_8).strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
