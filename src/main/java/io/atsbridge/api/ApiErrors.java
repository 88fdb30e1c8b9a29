package io.atsbridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.atsbridge.core.HubException;
import io.atsbridge.core.security.BodySizeLimitFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code core-api-errors}: how the board API answers failures, as {@code {"error","message","field"}} (DESIGN.md).
 * A client's mistake is a 4xx naming the field; only our own bugs are 500, with an id to find them in the log.
 */
@Component
public class ApiErrors extends RouteConfigurationBuilder {
    public static final String ID = "core-api-errors";
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private final ApiSupport api;

    public ApiErrors(ApiSupport api) {
        this.api = api;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(HubException.class).handled(true).process(e -> {
                    HubException h = e.getProperty(Exchange.EXCEPTION_CAUGHT, HubException.class);
                    api.respond(e, h.status(), body(h.code(), h.getMessage(), h.field()));
                }).end()
                .onException(JsonProcessingException.class).handled(true).process(e -> {
                    JsonProcessingException j = e.getProperty(Exchange.EXCEPTION_CAUGHT, JsonProcessingException.class);
                    String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
                    api.respond(e, 400, body("malformed_json", "the request body is not valid JSON" + where, null));
                }).end()
                .onException(BodySizeLimitFilter.PayloadTooLargeException.class).handled(true).process(e ->
                        api.respond(e, 413, body("payload_too_large", e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage(), null))).end()
                .onException(Exception.class).handled(true).process(e -> {
                    Exception ex = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    Throwable tooLarge = findCause(ex, BodySizeLimitFilter.PayloadTooLargeException.class);
                    if (tooLarge != null) {
                        api.respond(e, 413, body("payload_too_large", tooLarge.getMessage(), null));
                        return;
                    }
                    Throwable json = findCause(ex, JsonProcessingException.class);
                    if (json != null) {
                        api.respond(e, 400, body("malformed_json", "the request body is not valid JSON", null));
                        return;
                    }
                    String id = e.getExchangeId();
                    log.error("board API request {} failed", id, ex);
                    api.respond(e, 500, body("internal", "an internal error occurred (reference " + id + ")", null));
                }).end();
    }

    static Map<String, Object> body(String code, String message, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        m.put("field", field);
        return m;
    }

    private static Throwable findCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }
}
