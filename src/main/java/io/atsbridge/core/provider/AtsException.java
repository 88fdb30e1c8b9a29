package io.atsbridge.core.provider;

import java.time.Duration;

/**
 * A failed ATS call, classified for the engine. The message is the ATS's own reason (safe to show the board: it never
 * carries credentials).
 */
public class AtsException extends Exception {

    public enum Kind {
        /** The ATS refused the request for good (a 4xx other than 401/403/408/429): retrying cannot help. */
        REFUSED(false),
        /** The ATS refused the credentials (401/403): the connection needs attention. */
        AUTH(false),
        /** 429: retry after {@link #retryAfter()} when given. */
        RATE_LIMITED(true),
        /** 5xx, connection refused: the ATS did not act; retry. */
        UNAVAILABLE(true),
        /** Timeout or reset after the request was sent: the ATS may have acted; reconcile before creating again. */
        AMBIGUOUS(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;

    public AtsException(Kind kind, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public AtsException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, null, null);
    }

    public static AtsException refused(String message) {
        return new AtsException(Kind.REFUSED, 0, message);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The wait the ATS asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
