package io.atsbridge.sandbox.lever;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /opportunities} once JSON or multipart has been read (lever.md 6.2). */
final class NewOpportunity {
    /** A file that came with the request; only its name, size and digest are kept. */
    record Upload(String filename, String contentType, long size, String sha256) { }

    String name;
    String headline;
    String stage;
    String location;
    List<Map<String, String>> phones = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    String origin;
    String owner;
    List<String> followers = new ArrayList<>();
    List<String> postings = new ArrayList<>();
    Long createdAt;
    Map<String, Object> archived;
    Long archivedAt;
    String archivedReason;
    String contact;
    String opportunityLocation;
    List<Upload> files = new ArrayList<>();
    Upload resume;

    /** Reads the JSON form; wrong types are a 400, as Lever answers malformed parameters. */
    static NewOpportunity fromJson(Map<String, Object> b) {
        NewOpportunity n = new NewOpportunity();
        n.name = str(b, "name");
        n.headline = str(b, "headline");
        n.stage = str(b, "stage");
        n.location = str(b, "location");
        n.emails = strings(b, "emails");
        n.links = strings(b, "links");
        n.tags = strings(b, "tags");
        n.sources = strings(b, "sources");
        n.origin = str(b, "origin");
        n.owner = str(b, "owner");
        n.followers = strings(b, "followers");
        n.postings = strings(b, "postings");
        n.createdAt = num(b.get("createdAt"), "createdAt");
        n.contact = str(b, "contact");
        n.opportunityLocation = str(b, "opportunityLocation");
        Object phones = b.get("phones");
        if (phones != null) {
            if (!(phones instanceof List<?> l)) throw LeverError.badRequest("phones must be an array of {value, type}");
            for (Object p : l) {
                if (!(p instanceof Map<?, ?> m) || !(m.get("value") instanceof String)) {
                    throw LeverError.badRequest("phones must be an array of {value, type}");
                }
                Map<String, String> ph = new LinkedHashMap<>();
                ph.put("value", (String) m.get("value"));
                ph.put("type", m.get("type") == null ? null : String.valueOf(m.get("type")));
                n.phones.add(ph);
            }
        }
        Object arch = b.get("archived");
        if (arch != null) {
            if (!(arch instanceof Map<?, ?> m)) throw LeverError.badRequest("archived must be an object {archivedAt, reason}");
            n.archived = new LinkedHashMap<>();
            n.archivedAt = num(m.get("archivedAt"), "archived.archivedAt");
            n.archivedReason = m.get("reason") == null ? null : String.valueOf(m.get("reason"));
        }
        return n;
    }

    static String str(Map<String, Object> b, String k) {
        Object v = b.get(k);
        if (v == null) return null;
        if (!(v instanceof String s)) throw LeverError.badRequest(k + " must be a string");
        return s;
    }

    static List<String> strings(Map<String, Object> b, String k) {
        Object v = b.get(k);
        if (v == null) return new ArrayList<>();
        if (!(v instanceof List<?> l)) throw LeverError.badRequest(k + " must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) throw LeverError.badRequest(k + " must be an array of strings");
            out.add(s);
        }
        return out;
    }

    static Long num(Object v, String k) {
        if (v == null) return null;
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw LeverError.badRequest(k + " must be a timestamp in milliseconds");
            }
        }
        throw LeverError.badRequest(k + " must be a timestamp in milliseconds");
    }
}
