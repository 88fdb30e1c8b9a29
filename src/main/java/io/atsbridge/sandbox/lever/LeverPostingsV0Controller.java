package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.support.Multipart;
import io.atsbridge.sandbox.support.RawMultipartFilter;
import io.atsbridge.sandbox.support.TokenBucket;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lever's public Postings API v0 (lever.md 8, 12.9) at {@code /sandbox/lever/v0/postings/{site}}: the published,
 * public, non-confidential postings of an account's job site in v0 field names, and the apply endpoint with its
 * {@code key} and 2 applications per second. The site name is the account's {@code site} (control API).
 */
@RestController
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@RequestMapping("/sandbox/lever/v0/postings")
class LeverPostingsV0Controller {
    private final LeverAccounts accounts;
    private final ObjectMapper json;
    private final Map<String, TokenBucket> applyBuckets = new ConcurrentHashMap<>();

    LeverPostingsV0Controller(LeverAccounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping("/{site}")
    ResponseEntity<?> list(@PathVariable String site, @RequestParam MultiValueMap<String, String> q, HttpServletRequest req) {
        LeverAccount a = accounts.bySite(site);
        if (a == null) return notFound();
        Set<String> locations = LeverDataApiController.values(q, "location");
        Set<String> commitments = LeverDataApiController.values(q, "commitment");
        Set<String> teams = LeverDataApiController.values(q, "team");
        Set<String> departments = LeverDataApiController.values(q, "department");
        Set<String> levels = LeverDataApiController.values(q, "level");
        int skip = nonNegative(q.getFirst("skip"));
        int limit = q.getFirst("limit") == null ? Integer.MAX_VALUE : nonNegative(q.getFirst("limit"));
        String group = q.getFirst("group");
        List<Map<String, Object>> out = new ArrayList<>();
        List<Posting> picked;
        synchronized (a.lock) {
            Predicate<Posting> visible = LeverPostingsV0Controller::onPublicSite;
            picked = a.postings.values().stream().filter(visible)
                    .filter(p -> locations.isEmpty() || locations.contains(p.location))
                    .filter(p -> commitments.isEmpty() || commitments.contains(p.commitment))
                    .filter(p -> teams.isEmpty() || teams.contains(p.team))
                    .filter(p -> departments.isEmpty() || departments.contains(p.department))
                    .filter(p -> levels.isEmpty() || levels.contains(p.level))
                    .sorted((x, y) -> Long.compare(y.createdAt, x.createdAt))
                    .skip(skip).limit(limit).toList();
            for (Posting p : picked) out.add(v0(a, p));
        }
        if (!wantsJson(q, req)) {
            StringBuilder html = new StringBuilder("<html><body><h1>Jobs</h1><ul>");
            for (Map<String, Object> p : out) {
                html.append("<li><a href=\"").append(p.get("hostedUrl")).append("\">")
                        .append(escape(String.valueOf(p.get("text")))).append("</a></li>");
            }
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.append("</ul></body></html>").toString());
        }
        if (group != null) {
            if (!Set.of("location", "commitment", "team").contains(group)) {
                return ResponseEntity.badRequest().body(Map.of("ok", false, "error", "Invalid group: " + group));
            }
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (Map<String, Object> p : out) {
                @SuppressWarnings("unchecked") Map<String, Object> cat = (Map<String, Object>) p.get("categories");
                groups.computeIfAbsent(String.valueOf(cat.get(group)), k -> new ArrayList<>()).add(p);
            }
            List<Map<String, Object>> grouped = new ArrayList<>();
            groups.forEach((title, ps) -> grouped.add(Map.of("title", title, "postings", ps)));
            return ResponseEntity.ok(grouped);
        }
        return ResponseEntity.ok(out);
    }

    @GetMapping("/{site}/{postingId}")
    ResponseEntity<?> one(@PathVariable String site, @PathVariable String postingId) {
        LeverAccount a = accounts.bySite(site);
        if (a == null) return notFound();
        synchronized (a.lock) {
            Posting p = a.postings.get(postingId);
            return p == null || !onPublicSite(p) ? notFound() : ResponseEntity.ok(v0(a, p));
        }
    }

    @PostMapping("/{site}/{postingId}")
    ResponseEntity<Map<String, Object>> apply(@PathVariable String site, @PathVariable String postingId,
                                              @RequestParam(required = false) String key, HttpServletRequest req) throws IOException {
        LeverAccount a = accounts.bySite(site);
        if (a == null) return notFound();
        if (!accounts.isKeyOf(a, key)) return fail(401, "Invalid or missing postings API key");
        if (!applyBuckets.computeIfAbsent(a.id, k -> new TokenBucket(2, 2)).tryAcquire()) {
            return fail(429, "Too many requests");
        }
        NewOpportunity n = new NewOpportunity();
        String email;
        String name;
        String multipartType = RawMultipartFilter.multipartType(req);
        Map<String, String> fields = new LinkedHashMap<>();
        if (multipartType != null) {
            byte[] body;
            try {
                body = Multipart.readLimited(req.getInputStream(), 31L * 1024 * 1024);
            } catch (Multipart.TooLarge e) {
                return fail(413, "Resume is too large");
            }
            List<Multipart.Part> parts;
            try {
                parts = Multipart.parse(body, Multipart.boundary(multipartType));
            } catch (IOException e) {
                return fail(400, "Malformed multipart body");
            }
            for (Multipart.Part p : parts) {
                if (p.isFile() && p.name().equals("resume")) {
                    n.resume = upload(p);
                } else if (!p.isFile()) {
                    fields.put(p.name(), p.text());
                }
            }
        } else {
            byte[] body = Multipart.readLimited(req.getInputStream(), 1_048_576);
            Map<String, Object> m;
            try {
                m = json.readValue(body, new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                return fail(400, "Body must be JSON or multipart/form-data");
            }
            m.forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) fields.put(k, String.valueOf(v));
            });
        }
        name = fields.get("name");
        email = fields.get("email");
        if (name == null || name.isBlank()) return fail(400, "Missing required field: name");
        if (email == null || !email.contains("@")) return fail(400, "Missing or invalid required field: email");
        n.name = name;
        n.emails.add(email);
        n.origin = "applied";
        n.postings.add(postingId);
        if (fields.get("phone") != null) {
            Map<String, String> ph = new LinkedHashMap<>();
            ph.put("value", fields.get("phone"));
            ph.put("type", null);
            n.phones.add(ph);
        }
        if (fields.get("source") != null) n.sources.add(fields.get("source"));
        if (fields.get("opportunityLocation") != null) n.opportunityLocation = fields.get("opportunityLocation");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().startsWith("urls[")) n.links.add(f.getValue());
        }
        if (n.resume != null) n.files.add(n.resume);
        synchronized (a.lock) {
            Posting p = a.postings.get(postingId);
            if (p == null || !onPublicSite(p)) return notFound();
            User admin = a.firstSuperAdmin();
            LeverAccount.Created c;
            try {
                c = a.createOpportunity(n, admin == null ? null : admin.id, false);
            } catch (LeverError e) {
                return fail(e.status(), e.getMessage());
            }
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("ok", true);
            ok.put("applicationId", c.opportunity().application.id);
            return ResponseEntity.ok(ok);
        }
    }

    static boolean onPublicSite(Posting p) {
        return "published".equals(p.state) && "non-confidential".equals(p.confidentiality)
                && p.distributionChannels != null && p.distributionChannels.contains("public");
    }

    /** v0 field names (lever.md 8): opening + body, plain twins, hostedUrl/applyUrl, {@code on-site}. */
    static Map<String, Object> v0(LeverAccount a, Posting p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("text", p.text);
        Map<String, Object> cat = new LinkedHashMap<>();
        cat.put("location", p.location);
        cat.put("commitment", p.commitment);
        cat.put("team", p.team);
        cat.put("department", p.department);
        cat.put("allLocations", new ArrayList<>(p.allLocations));
        m.put("categories", cat);
        m.put("country", p.country);
        m.put("createdAt", p.createdAt);
        m.put("opening", "");
        m.put("openingPlain", "");
        m.put("description", p.descriptionHtml);
        m.put("descriptionPlain", p.description);
        m.put("descriptionBody", p.descriptionHtml);
        m.put("descriptionBodyPlain", p.description);
        List<Map<String, String>> lists = new ArrayList<>();
        for (Map<String, String> l : p.lists) lists.add(new LinkedHashMap<>(l));
        m.put("lists", lists);
        m.put("additional", p.closingHtml);
        m.put("additionalPlain", p.closing);
        String base = "https://jobs.lever.co/" + a.site + "/" + p.id;
        m.put("hostedUrl", base);
        m.put("applyUrl", base + "/apply");
        m.put("workplaceType", "onsite".equals(p.workplaceType) ? "on-site" : p.workplaceType);
        if (p.salaryRange != null) m.put("salaryRange", new LinkedHashMap<>(p.salaryRange));
        if (p.salaryDescription != null) {
            m.put("salaryDescription", p.salaryDescriptionHtml);
            m.put("salaryDescriptionPlain", p.salaryDescription);
        }
        return m;
    }

    private static boolean wantsJson(MultiValueMap<String, String> q, HttpServletRequest req) {
        String mode = q.getFirst("mode");
        if (mode != null) return mode.equals("json"); // the query parameter wins over Accept
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static int nonNegative(String v) {
        if (v == null) return 0;
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> ResponseEntity<T> notFound() {
        @SuppressWarnings("unchecked") T body = (T) Map.of("ok", false, "error", "Document not found");
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Map<String, Object>> fail(int status, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(m);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static NewOpportunity.Upload upload(Multipart.Part p) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(p.bytes()));
            return new NewOpportunity.Upload(p.filename() == null || p.filename().isBlank() ? "resume.pdf" : p.filename(),
                    p.contentType(), p.bytes().length, sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
