package io.atsbridge.sandbox.greenhouse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies an account's injected faults to its Greenhouse API traffic (never to {@code _control}), and refuses bodies
 * whose Content-Length exceeds {@code max-body-bytes} on the whole sandbox. A dropped answer is
 * a response that promises more bytes than it sends and closes the connection, so an HTTP client sees an I/O error
 * instead of a status it could act on; {@code commitThenDrop} does that after the write was applied.
 */
final class GreenhouseSandboxFaultFilter extends OncePerRequestFilter {
    private static final String API = "/sandbox/greenhouse/v1/";
    private static final String BOARDS = "/sandbox/greenhouse/v1/boards/";

    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxProperties props;

    GreenhouseSandboxFaultFilter(GreenhouseSandboxStore store, GreenhouseSandboxProperties props) {
        this.store = store;
        this.props = props;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (req.getContentLengthLong() > props.getMaxBodyBytes()) {
            res.setStatus(413);
            json(res, "{\"errors\":[{\"message\":\"Request body too large\"}]}");
            return;
        }
        if (!req.getRequestURI().startsWith(API)) {
            chain.doFilter(req, res);   // the control API never fails on purpose
            return;
        }
        GhAccount a = account(req);
        if (a == null) {
            chain.doFilter(req, res);
            return;
        }
        GhFaults f = a.faults;
        long slow = Math.min(f.slowMs, props.getMaxSlow().toMillis());
        if (slow > 0) {
            try {
                Thread.sleep(slow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (GhFaults.take(f.rateLimitStorm)) {
            int after = f.retryAfterSeconds;
            res.setStatus(429);
            res.setHeader("Retry-After", String.valueOf(after));
            res.setHeader("X-RateLimit-Limit", "50");
            res.setHeader("X-RateLimit-Remaining", "0");
            res.setHeader("X-RateLimit-Reset", String.valueOf(Instant.now().getEpochSecond() + after));
            json(res, "{\"errors\":[{\"message\":\"Too Many Requests\"}]}");
            return;
        }
        if (f.rollError()) {
            res.setStatus(f.errorStatus);
            json(res, "{\"errors\":[{\"message\":\"Something went wrong. Please try again later.\"}]}");
            return;
        }
        if (GhFaults.take(f.resetNext)) {
            drop(res, 200, "{\"".getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean write = !"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod());
        if (write && GhFaults.take(f.commitThenDrop)) {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(res);
            chain.doFilter(req, wrapper);   // the write is applied, webhooks fire
            byte[] full = wrapper.getContentAsByteArray();
            byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
            drop(res, wrapper.getStatus(), half);
            return;
        }
        chain.doFilter(req, res);
    }

    private GhAccount account(HttpServletRequest req) {
        String uri = req.getRequestURI();
        if (uri.startsWith(BOARDS)) {
            String rest = uri.substring(BOARDS.length());
            int slash = rest.indexOf('/');
            return store.accountForBoard(slash < 0 ? rest : rest.substring(0, slash));
        }
        GhAuth.Credentials c = GhAuth.credentials(req);
        return c == null ? null : store.existingForKey(c.key());
    }

    /** Promise more bytes than are sent, then close: the client's read fails mid-body. */
    private static void drop(HttpServletResponse res, int status, byte[] partial) throws IOException {
        res.resetBuffer();
        res.setStatus(status);
        res.setHeader("Connection", "close");
        res.setContentType("application/json");
        res.setContentLengthLong(partial.length + 4096L);
        OutputStream out = res.getOutputStream();
        out.write(partial);
        out.flush();
        res.flushBuffer();
        out.close();
    }

    private static void json(HttpServletResponse res, String body) throws IOException {
        res.setContentType("application/json");
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
