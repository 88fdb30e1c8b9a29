package io.atsbridge.sandbox.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Breaks an HTTP exchange the way a dying server or a cut network does: the status line and a few body bytes go out
 * with a Content-Length that promises more, then the connection is closed. Throwing {@link Dropped} after the flush
 * makes Tomcat close the socket at once (its error valve closes committed responses that failed), so an HTTP client
 * sees an I/O error, never a complete answer.
 */
public final class ConnectionBreaker {
    private ConnectionBreaker() { }

    public static Dropped breakConnection(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setContentType("application/json");
        res.setContentLengthLong(4096);
        res.getOutputStream().write("{\"data\":".getBytes(StandardCharsets.US_ASCII));
        res.flushBuffer();
        return new Dropped();
    }

    /** Signals a deliberately broken connection; carries no stack trace because it is not a bug. */
    public static final class Dropped extends RuntimeException {
        public Dropped() {
            super("sandbox fault: connection dropped on purpose", null, false, false);
        }
    }
}
