package io.atsbridge.sandbox.greenhouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Greenhouse's error body {@code {"errors":[{"message","field"}]}} for the Ingestion and control controllers only. */
@RestControllerAdvice(assignableTypes = {GreenhouseSandboxIngestionController.class, GreenhouseSandboxControlController.class})
@GreenhouseSandboxEnabled
public class GreenhouseSandboxErrors {

    @ExceptionHandler(GhError.class)
    ResponseEntity<Map<String, Object>> gh(GhError e) {
        return body(e.status, e.getMessage(), e.field);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(400, e.getParameterName() + " is required", e.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(400, e.getName() + " is malformed", e.getName());
    }

    static ResponseEntity<Map<String, Object>> body(int status, String message, String field) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("message", message);
        if (field != null) {
            err.put("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(err)));
    }
}
