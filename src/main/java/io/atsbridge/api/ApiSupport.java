package io.atsbridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atsbridge.core.HubException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Request parsing and JSON answers shared by the board API routes. */
@Component
public class ApiSupport {
    private final ObjectMapper json;

    public ApiSupport(ObjectMapper json) {
        this.json = json;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Writes a JSON answer; drops every inbound header first, so none is echoed back (platform-http would). */
    public void respond(Exchange e, int status, Object body) throws JsonProcessingException {
        Message m = e.getMessage();
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body == null) {
            m.setBody(null);
            return;
        }
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsBytes(body));
    }

    /** The body as a JSON object; 400 when it is empty, malformed or not an object. */
    public ObjectNode object(Exchange e) throws IOException {
        byte[] raw = bytes(e);
        if (raw.length == 0) {
            throw HubException.badRequest(null, "a JSON object body is required");
        }
        JsonNode n = json.readTree(raw);
        if (n == null || !n.isObject()) {
            throw HubException.badRequest(null, "the body must be a JSON object");
        }
        return (ObjectNode) n;
    }

    public byte[] bytes(Exchange e) throws IOException {
        Object b = e.getMessage().getBody();
        if (b == null) {
            return new byte[0];
        }
        if (b instanceof byte[] bytes) {
            return bytes;
        }
        if (b instanceof InputStream in) {
            return in.readAllBytes();
        }
        byte[] converted = e.getMessage().getBody(byte[].class);
        return converted == null ? new byte[0] : converted;
    }

    public String path(Exchange e, String name) {
        String v = e.getMessage().getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            throw HubException.badRequest(name, name + " is required in the path");
        }
        return v;
    }

    public String query(Exchange e, String name) {
        String v = e.getMessage().getHeader(name, String.class);
        return v == null || v.isBlank() ? null : v;
    }

    public <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException ex) {
            throw HubException.badRequest(field, field + " has the wrong shape: " + ex.getOriginalMessage());
        }
    }

    /** A required string member; 400 naming the field when missing, blank or not a string. */
    public static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            throw HubException.badRequest(field, field + " is required");
        }
        if (!n.isTextual()) {
            throw HubException.badRequest(field, field + " must be a string");
        }
        return n.asText().trim();
    }

    /** An optional string member; 400 when present but not a string. */
    public static String optText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw HubException.badRequest(field, field + " must be a string");
        }
        return n.asText().isBlank() ? null : n.asText().trim();
    }
}
