package io.atsbridge.sandbox.lever;

import io.atsbridge.sandbox.support.ConnectionBreaker;
import io.atsbridge.sandbox.support.Multipart;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders every refusal of the simulated Lever in Lever's {@code {"code", "message"}} shape. */
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@RestControllerAdvice(assignableTypes = {LeverDataApiController.class, LeverOAuthController.class, LeverControlController.class,
        LeverPostingsV0Controller.class})
class LeverErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(LeverErrorAdvice.class);

    @ExceptionHandler(LeverError.class)
    ResponseEntity<Map<String, Object>> lever(LeverError e) {
        return body(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badArgument(IllegalArgumentException e) {
        return body(400, "BadRequestError", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(400, "BadRequestError", "Missing required query parameter: " + e.getParameterName());
    }

    @ExceptionHandler(Multipart.TooLarge.class)
    ResponseEntity<Map<String, Object>> tooLarge(Multipart.TooLarge e) {
        return body(413, "RequestEntityTooLarge", "The request body is too large");
    }

    /** A deliberately broken connection must stay broken: hand it back to the container untouched. */
    @ExceptionHandler(ConnectionBreaker.Dropped.class)
    void dropped(ConnectionBreaker.Dropped e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.warn("lever sandbox: unexpected {}", e.toString());
        return body(500, "InternalServerError", "An unexpected error occurred");
    }

    static ResponseEntity<Map<String, Object>> body(int status, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(m);
    }
}
