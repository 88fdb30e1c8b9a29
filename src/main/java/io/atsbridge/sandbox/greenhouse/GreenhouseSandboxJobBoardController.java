package io.atsbridge.sandbox.greenhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job Board API (fact sheet §3) under {@code /sandbox/greenhouse/v1/boards/{token}}: no auth, only live posts,
 * {@code id} is the post id and {@code internal_job_id} the job id, {@code content} entity-escaped, no pagination.
 */
@RestController
@GreenhouseSandboxEnabled
@RequestMapping(path = "/sandbox/greenhouse/v1/boards/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
public class GreenhouseSandboxJobBoardController {
    private final GreenhouseSandboxStore store;

    public GreenhouseSandboxJobBoardController(GreenhouseSandboxStore store) {
        this.store = store;
    }

    @GetMapping
    ResponseEntity<?> board(@PathVariable String token) {
        GhAccount a = store.accountForBoard(token);
        if (a == null) {
            return notFound();
        }
        return ResponseEntity.ok(store.read(a, x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", x.companyName);
            m.put("content", GhJson.entityEscape("<p>Work at " + x.companyName + " & build what's next.</p>"));
            return m;
        }));
    }

    @GetMapping("/jobs")
    ResponseEntity<?> jobs(@PathVariable String token, @RequestParam(name = "content", defaultValue = "false") String content) {
        GhAccount a = store.accountForBoard(token);
        if (a == null) {
            return notFound();
        }
        boolean withContent = "true".equalsIgnoreCase(content);
        return ResponseEntity.ok(store.read(a, x -> {
            List<Object> jobs = new ArrayList<>();
            for (GhModel.JobPost p : x.posts.values()) {
                if (isOnBoard(x, p)) {
                    jobs.add(GhPayloads.boardJob(x, p, withContent));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jobs", jobs);
            m.put("meta", Map.of("total", jobs.size()));
            return m;
        }));
    }

    @GetMapping("/jobs/{postId}")
    ResponseEntity<?> job(@PathVariable String token, @PathVariable String postId,
                          @RequestParam(name = "questions", defaultValue = "false") String questions) {
        GhAccount a = store.accountForBoard(token);
        if (a == null || !postId.matches("\\d{1,18}")) {
            return notFound();
        }
        Map<String, Object> body = store.read(a, x -> {
            GhModel.JobPost p = x.posts.get(Long.parseLong(postId));
            if (p == null || !isOnBoard(x, p)) {
                return null;
            }
            Map<String, Object> m = GhPayloads.boardJob(x, p, true);
            if ("true".equalsIgnoreCase(questions)) {
                m.put("questions", standardQuestions());
                m.put("location_questions", List.of());
                m.put("compliance", null);
                m.put("demographic_questions", null);
            }
            return m;
        });
        return body == null ? notFound() : ResponseEntity.ok(body);
    }

    @GetMapping("/departments")
    ResponseEntity<?> departments(@PathVariable String token) {
        GhAccount a = store.accountForBoard(token);
        if (a == null) {
            return notFound();
        }
        return ResponseEntity.ok(store.read(a, x -> {
            List<Object> out = new ArrayList<>();
            x.departments.values().forEach(d -> {
                Map<String, Object> m = GhPayloads.boardDepartment(d);
                List<Object> jobs = new ArrayList<>();
                x.posts.values().stream().filter(p -> isOnBoard(x, p) && p.jobId != null
                                && x.jobs.get(p.jobId).department == d)
                        .forEach(p -> jobs.add(GhPayloads.boardJob(x, p, false)));
                m.put("jobs", jobs);
                out.add(m);
            });
            return Map.of("departments", out);
        }));
    }

    @GetMapping("/offices")
    ResponseEntity<?> offices(@PathVariable String token) {
        GhAccount a = store.accountForBoard(token);
        if (a == null) {
            return notFound();
        }
        return ResponseEntity.ok(store.read(a, x -> {
            List<Object> out = new ArrayList<>();
            x.offices.values().forEach(o -> out.add(GhPayloads.boardOffice(o)));
            return Map.of("offices", out);
        }));
    }

    static boolean isOnBoard(GhAccount a, GhModel.JobPost p) {
        if (!p.active || !p.live || !p.external) {
            return false;
        }
        if (p.jobId == null) {
            return true;
        }
        GhModel.Job j = a.jobs.get(p.jobId);
        return j != null && "open".equals(j.status);
    }

    private static List<Object> standardQuestions() {
        List<Object> qs = new ArrayList<>();
        qs.add(question(true, "First Name", "first_name", "input_text"));
        qs.add(question(true, "Last Name", "last_name", "input_text"));
        qs.add(question(true, "Email", "email", "input_text"));
        qs.add(question(false, "Phone", "phone", "input_text"));
        qs.add(question(false, "Resume/CV", "resume", "input_file"));
        return qs;
    }

    private static Map<String, Object> question(boolean required, String label, String name, String type) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", type);
        f.put("values", List.of());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("required", required);
        q.put("label", label);
        q.put("fields", List.of(f));
        q.put("description", null);
        return q;
    }

    private static ResponseEntity<?> notFound() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", 404);
        m.put("error", "Not Found");
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON).body(m);
    }
}
