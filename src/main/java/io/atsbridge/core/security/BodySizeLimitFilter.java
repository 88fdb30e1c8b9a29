package io.atsbridge.core.security;

import io.atsbridge.core.config.AtsBridgeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 before anything reads them: the board API (larger limit for screenings, which
 * carry a transcript PDF) and the webhooks. A body without Content-Length is counted as it is read.
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
        chain.doFilter(new HttpServletRequestWrapper(req) {
            private ServletInputStream counted;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (counted == null) {
                    counted = new LimitedInputStream(super.getInputStream(), limit);
                }
                return counted;
            }
        }, res);
    }

    static void tooLarge(HttpServletResponse res, long limit) throws IOException {
        res.setStatus(413);
        res.setContentType("application/json");
        res.getWriter().write("{\"error\":\"payload_too_large\",\"message\":\"the request body is larger than "
                + limit + " bytes\",\"field\":null}");
    }

    /** Thrown when a body without Content-Length grows past the limit; the API renders it as 413. */
    public static class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws IOException {
            if (n > 0 && (count += n) > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return n;
        }

        @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }
        @Override public int read(byte[] b, int off, int len) throws IOException { return count(in.read(b, off, len)); }
        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
    }
}
