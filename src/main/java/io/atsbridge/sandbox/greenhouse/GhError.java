package io.atsbridge.sandbox.greenhouse;

/** A documented Greenhouse error answer: status plus {@code {"errors":[{"message","field"}]}}. */
final class GhError extends RuntimeException {
    final int status;
    final String field;

    GhError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    GhError(int status, String message) {
        this(status, message, null);
    }
}
