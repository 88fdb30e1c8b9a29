package io.atsbridge.core.security;

import io.atsbridge.core.config.AtsBridgeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 before anything reads them: the board API (larger limit for screenings, which
 * carry a transcript PDF) and the webhooks. A body without Content-Length is read here, up to the limit.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final AtsBridgeProperties props;

    public BodySizeLimitFilter(AtsBridgeProperties props) {
        this.props = props;
    }

    long limitFor(String path) {
        if (path.startsWith("/webhooks/")) {
            return props.getWebhooks().getMaxBodyBytes();
        }
        if (path.startsWith("/api/")) {
            return path.endsWith("/screenings") ? props.getApi().getMaxScreeningBodyBytes() : props.getApi().getMaxBodyBytes();
        }
        return -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(req.getRequestURI().substring(req.getContextPath().length()));
        if (limit < 0) {
            chain.doFilter(req, res);
            return;
        }
        if (req.getContentLengthLong() > limit) {
            tooLarge(res, limit);
            return;
        }
        if (req.getContentLengthLong() >= 0) {
            chain.doFilter(req, res); // Tomcat never reads past a declared Content-Length
            return;
        }
        // no Content-Length (chunked): read at most limit + 1 bytes here, whatever API the route later reads with
        byte[] body = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(res, limit);
            return;
        }
        chain.doFilter(new CachedBodyRequest(req, body), res);
    }

    static void tooLarge(HttpServletResponse res, long limit) throws IOException {
        res.setStatus(413);
        res.setContentType("application/json");
        res.getWriter().write("{\"error\":\"payload_too_large\",\"message\":\"the request body is larger than "
                + limit + " bytes\",\"field\":null}");
    }

    /** Kept for the routes' error mapping: a body that grew past its limit while being read. */
    public static class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    /** A request whose (already size-checked) body is served from memory, to streams and readers alike. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException("blocking reads only"); }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset cs = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
