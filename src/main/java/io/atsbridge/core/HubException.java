package io.atsbridge.core;

/**
 * A designed failure with its HTTP answer: {@code {"error": code, "message": ..., "field": ...}} (DESIGN.md). Thrown by
 * core services and rendered by the board API; anything else that escapes is a bug and answers 500.
 */
public class HubException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public HubException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static HubException badRequest(String field, String message) {
        return new HubException(400, "invalid_request", message, field);
    }

    public static HubException notFound(String message) {
        return new HubException(404, "not_found", message, null);
    }

    public static HubException conflict(String message) {
        return new HubException(409, "conflict", message, null);
    }

    public static HubException unprocessable(String code, String message, String field) {
        return new HubException(422, code, message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
