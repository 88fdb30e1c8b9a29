package io.atsbridge.sandbox.greenhouse;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cheap, read-only part of Harvest v1 (fact sheet §2; retired by Greenhouse in August 2026): jobs, job posts,
 * users, sources, with Basic auth, page/per_page pagination and RFC-5988 {@code Link} headers, {@code X-RateLimit-*}
 * headers on every answer, a per-account 10-second budget answered by 429 + {@code Retry-After}, 422 validation and
 * Harvest's own error body {@code {"message": …}}.
 */
@RestController
@GreenhouseSandboxEnabled
@RequestMapping(path = "/sandbox/greenhouse/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class GreenhouseSandboxHarvestController {
    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxProperties props;

    public GreenhouseSandboxHarvestController(GreenhouseSandboxStore store, GreenhouseSandboxProperties props) {
        this.store = store;
        this.props = props;
    }

    @GetMapping("/jobs")
    ResponseEntity<?> jobs(HttpServletRequest req, @RequestParam Map<String, String> q) {
        return page(req, q, a -> {
            List<Map<String, Object>> out = new ArrayList<>();
            String status = q.get("status");
            a.jobs.values().stream().filter(j -> status == null || status.equals(j.status))
                    .forEach(j -> out.add(job(a, j)));
            return out;
        });
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<?> job(HttpServletRequest req, @PathVariable String id) {
        return single(req, a -> {
            GhModel.Job j = id.matches("\\d{1,18}") ? a.jobs.get(Long.parseLong(id)) : null;
            return j == null ? null : job(a, j);
        });
    }

    @GetMapping("/job_posts")
    ResponseEntity<?> jobPosts(HttpServletRequest req, @RequestParam Map<String, String> q) {
        return page(req, q, a -> posts(a, q, p -> true));
    }

    @GetMapping("/jobs/{id}/job_posts")
    ResponseEntity<?> jobPostsOfJob(HttpServletRequest req, @PathVariable long id, @RequestParam Map<String, String> q) {
        return page(req, q, a -> posts(a, q, p -> p.jobId != null && p.jobId == id));
    }

    @GetMapping("/users")
    ResponseEntity<?> users(HttpServletRequest req, @RequestParam Map<String, String> q) {
        return page(req, q, a -> {
            List<Map<String, Object>> out = new ArrayList<>();
            String email = q.get("email");
            a.users.values().stream().filter(u -> email == null || u.email.equalsIgnoreCase(email)).forEach(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.id);
                m.put("name", u.name());
                m.put("first_name", u.firstName);
                m.put("last_name", u.lastName);
                m.put("primary_email_address", u.email);
                m.put("emails", List.of(u.email));
                m.put("employee_id", u.employeeId);
                m.put("disabled", u.disabled);
                m.put("site_admin", !u.basic);
                out.add(m);
            });
            return out;
        });
    }

    @GetMapping("/sources")
    ResponseEntity<?> sources(HttpServletRequest req, @RequestParam Map<String, String> q) {
        return page(req, q, a -> {
            Map<Long, GhModel.Source> seen = new LinkedHashMap<>();
            seen.put(a.partnerSource.id, a.partnerSource);
            a.applications.values().forEach(app -> seen.putIfAbsent(app.source.id, app.source));
            List<Map<String, Object>> out = new ArrayList<>();
            seen.values().forEach(s -> {
                Map<String, Object> m = GhPayloads.idName(s.id, s.name);
                m.put("type", s == a.partnerSource ? GhPayloads.idName(3, "third_party_boards")
                        : s.name.contains("Referral") ? GhPayloads.idName(2, "referrals") : GhPayloads.idName(5, "prospecting"));
                out.add(m);
            });
            return out;
        });
    }

    private static List<Map<String, Object>> posts(GhAccount a, Map<String, String> q, Predicate<GhModel.JobPost> scope) {
        List<Map<String, Object>> out = new ArrayList<>();
        String live = q.get("live");
        String internal = q.get("internal");
        for (GhModel.JobPost p : a.posts.values()) {
            if (!scope.test(p) || (live != null && Boolean.parseBoolean(live) != p.live)
                    || (internal != null && Boolean.parseBoolean(internal) != p.internal)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id);
            m.put("title", p.title);
            Map<String, Object> loc = new LinkedHashMap<>();
            loc.put("id", p.id + 7);
            loc.put("name", p.location);
            GhModel.Job j = p.jobId == null ? null : a.jobs.get(p.jobId);
            loc.put("office_id", j == null || j.office == null ? null : j.office.id);
            loc.put("job_post_custom_location_id", null);
            loc.put("job_post_location_type", GhPayloads.idName(1, "OFFICE_LOCATION"));
            m.put("location", loc);
            m.put("internal", p.internal);
            m.put("external", p.external);
            m.put("active", p.active);
            m.put("live", p.live);
            m.put("first_published_at", GhTime.iso(p.firstPublishedAt));
            m.put("job_id", p.jobId);
            m.put("content", p.content);
            m.put("internal_content", p.internalContent);
            m.put("updated_at", GhTime.iso(p.updatedAt));
            m.put("created_at", GhTime.iso(p.createdAt));
            m.put("demographic_question_set_id", null);
            m.put("questions", List.of());
            out.add(m);
        }
        return out;
    }

    /** Harvest job: office location is an object {name} here (fact sheet §5.8). */
    private static Map<String, Object> job(GhAccount a, GhModel.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("name", j.name);
        m.put("requisition_id", j.requisitionId);
        m.put("notes", j.notes);
        m.put("confidential", j.confidential);
        m.put("status", j.status);
        m.put("created_at", GhTime.iso(j.createdAt));
        m.put("opened_at", GhTime.iso(j.openedAt));
        m.put("closed_at", GhTime.iso(j.closedAt));
        m.put("updated_at", GhTime.iso(j.updatedAt));
        m.put("is_template", false);
        m.put("copied_from_id", null);
        List<Object> depts = new ArrayList<>();
        if (j.department != null) {
            Map<String, Object> d = GhPayloads.idName(j.department.id, j.department.name);
            d.put("parent_id", j.department.parentId);
            d.put("child_ids", List.of());
            d.put("external_id", j.department.externalId);
            depts.add(d);
        }
        m.put("departments", depts);
        List<Object> offices = new ArrayList<>();
        if (j.office != null) {
            Map<String, Object> o = GhPayloads.idName(j.office.id, j.office.name);
            o.put("location", Map.of("name", j.office.location));
            o.put("primary_contact_user_id", null);
            o.put("parent_id", j.office.parentId);
            o.put("child_ids", List.of());
            o.put("external_id", j.office.externalId);
            offices.add(o);
        }
        m.put("offices", offices);
        m.put("custom_fields", Map.of());
        m.put("keyed_custom_fields", Map.of());
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("hiring_managers", List.of());
        team.put("recruiters", List.of());
        team.put("coordinators", List.of());
        team.put("sourcers", List.of());
        m.put("hiring_team", team);
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("id", j.id + 1_000_000_000L);
        opening.put("opening_id", "OPEN-" + j.id);
        opening.put("status", "closed".equals(j.status) ? "closed" : "open");
        opening.put("opened_at", GhTime.iso(j.openedAt));
        opening.put("closed_at", GhTime.iso(j.closedAt));
        opening.put("application_id", null);
        opening.put("close_reason", null);
        m.put("openings", List.of(opening));
        return m;
    }

    // ---------------------------------------------------------------- auth, rate limit, pagination

    private ResponseEntity<?> single(HttpServletRequest req, java.util.function.Function<GhAccount, Map<String, Object>> f) {
        Guard g = guard(req);
        if (g.refusal != null) {
            return g.refusal;
        }
        Map<String, Object> body = store.read(g.account, f);
        if (body == null) {
            return ResponseEntity.status(404).headers(g.headers).body(Map.of("message", "Resource not found"));
        }
        return ResponseEntity.ok().headers(g.headers).body(body);
    }

    private ResponseEntity<?> page(HttpServletRequest req, Map<String, String> q,
                                   java.util.function.Function<GhAccount, List<Map<String, Object>>> f) {
        Guard g = guard(req);
        if (g.refusal != null) {
            return g.refusal;
        }
        int perPage;
        int page;
        try {
            perPage = Integer.parseInt(q.getOrDefault("per_page", "100"));
            page = Integer.parseInt(q.getOrDefault("page", "1"));
        } catch (NumberFormatException e) {
            return validation(g.headers, "must be an integer", q.containsKey("per_page") ? "per_page" : "page");
        }
        if (perPage < 1 || perPage > 500) {
            return validation(g.headers, "must be between 1 and 500", "per_page");
        }
        if (page < 1) {
            return validation(g.headers, "must be greater than 0", "page");
        }
        List<Map<String, Object>> all = store.read(g.account, f);
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        List<Map<String, Object>> slice = all.subList(from, Math.min(all.size(), from + perPage));
        List<String> links = new ArrayList<>();
        String self = req.getRequestURL().toString() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        if (page < last) {
            links.add(link(self, page + 1, perPage, "next"));
        }
        if (page > 1) {
            links.add(link(self, page - 1, perPage, "prev"));
        }
        if (last > 1 && !"true".equals(q.get("skip_count"))) {
            links.add(link(self, last, perPage, "last"));
        }
        if (!links.isEmpty()) {
            g.headers.add(HttpHeaders.LINK, String.join(", ", links));
        }
        return ResponseEntity.ok().headers(g.headers).body(slice);
    }

    private static String link(String self, int page, int perPage, String rel) {
        String url = UriComponentsBuilder.fromUriString(self).replaceQueryParam("page", page)
                .replaceQueryParam("per_page", perPage).build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    private static ResponseEntity<?> validation(HttpHeaders h, String message, String field) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("message", message);
        err.put("field", field);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Validation error");
        body.put("errors", List.of(err));
        return ResponseEntity.status(422).headers(h).body(body);
    }

    private record Guard(GhAccount account, HttpHeaders headers, ResponseEntity<?> refusal) { }

    private Guard guard(HttpServletRequest req) {
        GhAuth.Credentials c = GhAuth.credentials(req);
        GhAccount a = c == null || c.bearer() ? null : store.accountForKey(c.key());
        if (a == null) {
            return new Guard(null, new HttpHeaders(),
                    ResponseEntity.status(401).body(Map.of("message", "Invalid Basic Auth credentials")));
        }
        int limit = props.getHarvestRateLimit();
        long window = Instant.now().getEpochSecond() / 10;
        int used;
        synchronized (a.harvestWindow) {
            if (a.harvestWindow[0] != window) {
                a.harvestWindow[0] = window;
                a.harvestWindow[1] = 0;
            }
            used = (int) ++a.harvestWindow[1];
        }
        HttpHeaders h = new HttpHeaders();
        long reset = (window + 1) * 10;
        if (used > limit) {
            long after = Math.max(1, reset - Instant.now().getEpochSecond());
            h.add("Retry-After", String.valueOf(after));
            h.add("X-RateLimit-Reset", String.valueOf(reset));
            return new Guard(a, h, ResponseEntity.status(429).headers(h).body(Map.of("message", "Too Many Requests")));
        }
        h.add("X-RateLimit-Limit", String.valueOf(limit));
        h.add("X-RateLimit-Remaining", String.valueOf(limit - used));
        return new Guard(a, h, null);
    }
}
