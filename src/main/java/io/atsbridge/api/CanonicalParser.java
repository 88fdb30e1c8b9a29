package io.atsbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.HubException;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Screening;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Board JSON → canonical model, with a 4xx naming the field for anything wrong. */
final class CanonicalParser {
    static final long MAX_PDF_BYTES = 15L * 1024 * 1024;

    private CanonicalParser() { }

    static Candidate candidate(JsonNode n, String boardCandidateId, String prefix) {
        if (n == null || !n.isObject()) {
            throw HubException.badRequest(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1), "a candidate object is required");
        }
        List<String> emails = strings(n, "emails", prefix);
        for (String e : emails) {
            if (!e.contains("@") || e.length() > 320) {
                throw HubException.badRequest(prefix + "emails", "not an email address: " + e);
            }
        }
        if (emails.isEmpty()) {
            throw HubException.badRequest(prefix + "emails", "at least one email is required (the ATS finds existing people by email)");
        }
        List<Candidate.Phone> phones = new ArrayList<>();
        JsonNode ph = n.get("phones");
        if (ph != null && !ph.isNull()) {
            if (!ph.isArray()) {
                throw HubException.badRequest(prefix + "phones", "phones must be an array");
            }
            for (JsonNode p : ph) {
                if (p.isTextual()) {
                    phones.add(new Candidate.Phone(p.asText(), null));
                } else if (p.isObject() && p.path("value").isTextual()) {
                    phones.add(new Candidate.Phone(p.get("value").asText(), p.path("type").isTextual() ? p.get("type").asText() : null));
                } else {
                    throw HubException.badRequest(prefix + "phones", "each phone is a string or {value, type}");
                }
            }
        }
        Candidate.Resume resume = null;
        JsonNode r = n.get("resume");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw HubException.badRequest(prefix + "resume", "resume must be {url} or {fileName, contentBase64}");
            }
            String url = ApiSupport.optText(r, "url");
            String content = ApiSupport.optText(r, "contentBase64");
            if (url == null && content == null) {
                throw HubException.badRequest(prefix + "resume", "resume needs url or contentBase64");
            }
            if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw HubException.badRequest(prefix + "resume.url", "resume.url must be an http(s) URL");
            }
            if (content != null) {
                pdf(content, prefix + "resume.contentBase64");
            }
            resume = new Candidate.Resume(url, ApiSupport.optText(r, "fileName"), content);
        }
        return new Candidate(boardCandidateId, required(n, "firstName", prefix), required(n, "lastName", prefix), emails, phones,
                optional(n, "headline", prefix), optional(n, "location", prefix), strings(n, "links", prefix), resume,
                optional(n, "currentCompany", prefix), optional(n, "currentTitle", prefix), optional(n, "notes", prefix));
    }

    static Screening.Outcome outcome(JsonNode n) {
        String o = ApiSupport.text(n, "outcome");
        try {
            return Screening.Outcome.valueOf(o.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest("outcome", "outcome must be PASSED, FAILED or INCOMPLETE");
        }
    }

    /** Decodes a base64 PDF; 400 when not base64, 422 when not a PDF, 413 when too large. Returns its SHA-256. */
    static String pdf(String base64, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest(field, field + " is not base64");
        }
        if (bytes.length > MAX_PDF_BYTES) {
            throw new HubException(413, "payload_too_large", field + " is larger than " + MAX_PDF_BYTES + " bytes", field);
        }
        if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw HubException.unprocessable("not_a_pdf", field + " must be a PDF document", field);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(JsonNode n, String field) {
        String s = ApiSupport.optText(n, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw HubException.badRequest(field, field + " must be an ISO-8601 UTC time such as 2026-11-23T10:15:30Z");
        }
    }

    static String required(JsonNode n, String field, String prefix) {
        try {
            return ApiSupport.text(n, field);
        } catch (HubException e) {
            throw HubException.badRequest(prefix + field, prefix + field + " is required");
        }
    }

    static String optional(JsonNode n, String field, String prefix) {
        try {
            return ApiSupport.optText(n, field);
        } catch (HubException e) {
            throw HubException.badRequest(prefix + field, prefix + field + " must be a string");
        }
    }

    static List<String> strings(JsonNode n, String field, String prefix) {
        JsonNode a = n.get(field);
        List<String> out = new ArrayList<>();
        if (a == null || a.isNull()) {
            return out;
        }
        if (!a.isArray()) {
            throw HubException.badRequest(prefix + field, prefix + field + " must be an array of strings");
        }
        for (JsonNode s : a) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw HubException.badRequest(prefix + field, prefix + field + " must be an array of non-empty strings");
            }
            out.add(s.asText().trim());
        }
        return out;
    }
}
