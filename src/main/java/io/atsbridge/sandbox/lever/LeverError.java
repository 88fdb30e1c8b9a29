package io.atsbridge.sandbox.lever;

/** A Lever API refusal, rendered as {@code {"code": ..., "message": ...}} with {@link #status}. */
public class LeverError extends RuntimeException {
    private final int status;
    private final String code;

    public LeverError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }
    public String code() { return code; }

    public static LeverError badRequest(String message) { return new LeverError(400, "BadRequestError", message); }
    public static LeverError unauthorized(String message) { return new LeverError(401, "Unauthorized", message); }
    public static LeverError forbidden(String message) { return new LeverError(403, "Forbidden", message); }
    public static LeverError notFound(String type, String id) {
        return new LeverError(404, "ResourceNotFound", type + " " + id + " was not found");
    }
}
