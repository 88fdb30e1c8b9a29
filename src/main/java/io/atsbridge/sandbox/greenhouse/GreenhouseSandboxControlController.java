package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control API for tests and demos, {@code /sandbox/greenhouse/_control}. Not part of Greenhouse: it plays the recruiter
 * in the Greenhouse UI (each action fires the real webhook), manages accounts and keys, webhooks and faults.
 * The account is the one the Basic-auth key opens, exactly as on the API ({@code POST /accounts} needs no key).
 */
@RestController
@GreenhouseSandboxEnabled
@RequestMapping(path = "/sandbox/greenhouse/_control", produces = MediaType.APPLICATION_JSON_VALUE)
public class GreenhouseSandboxControlController {
    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxService service;
    private final GreenhouseSandboxWebhooks webhooks;

    public GreenhouseSandboxControlController(GreenhouseSandboxStore store, GreenhouseSandboxService service,
                                              GreenhouseSandboxWebhooks webhooks) {
        this.store = store;
        this.service = service;
        this.webhooks = webhooks;
    }

    // ---------------------------------------------------------------- accounts and keys

    /** A fresh account with a generated key: the one response that shows a key, because the caller asked for it. */
    @PostMapping("/accounts")
    Map<String, Object> createAccount() {
        Map.Entry<String, GhAccount> e = store.createAccount();
        Map<String, Object> m = accountView(e.getValue());
        m.put("key", e.getKey());
        return m;
    }

    @GetMapping("/account")
    Map<String, Object> account(HttpServletRequest req) {
        return accountView(account0(req));
    }

    @PostMapping("/keys")
    Map<String, Object> addKey(HttpServletRequest req) {
        GhAccount a = account0(req);
        return Map.of("key", store.addKey(a));
    }

    @PostMapping(path = "/keys/revoke", consumes = MediaType.ALL_VALUE)
    Map<String, Object> revokeKey(HttpServletRequest req, @RequestBody(required = false) String body) {
        GhAccount a = account0(req);
        String key = text(json(body), "key");
        if (key == null || !a.keys.contains(key)) {
            throw new GhError(404, "No such key on this account", "key");
        }
        store.revokeKey(a, key);
        return Map.of("revoked", true, "keys", a.keys.size());
    }

    // ---------------------------------------------------------------- jobs and posts

    @GetMapping("/jobs")
    List<Object> jobs(HttpServletRequest req) {
        return service.jobs(account0(req));
    }

    @PostMapping(path = "/jobs", consumes = MediaType.ALL_VALUE)
    Map<String, Object> createJob(HttpServletRequest req, @RequestBody(required = false) String body) {
        JsonNode n = json(body);
        String status = text(n, "status");
        JsonNode live = n.get("live");
        return service.createJob(account0(req), text(n, "name"), status == null ? "open" : status,
                live == null || live.asBoolean(true), text(n, "department"), text(n, "office"));
    }

    @PostMapping(path = "/jobs/generate", consumes = MediaType.ALL_VALUE)
    Map<String, Object> generate(HttpServletRequest req, @RequestBody(required = false) String body) {
        JsonNode n = json(body);
        JsonNode count = n.get("n");
        if (count == null || !count.canConvertToInt()) {
            throw new GhError(400, "n is required", "n");
        }
        JsonNode fire = n.get("webhooks");
        return service.generateJobs(account0(req), count.asInt(), fire != null && fire.asBoolean(false));
    }

    @PostMapping("/jobs/{id}/close")
    Map<String, Object> close(HttpServletRequest req, @PathVariable long id) {
        return service.setJobStatus(account0(req), id, "closed");
    }

    @PostMapping("/jobs/{id}/open")
    Map<String, Object> open(HttpServletRequest req, @PathVariable long id) {
        return service.setJobStatus(account0(req), id, "open");
    }

    @DeleteMapping("/jobs/{id}")
    Map<String, Object> deleteJob(HttpServletRequest req, @PathVariable long id) {
        return service.deleteJob(account0(req), id);
    }

    @PostMapping(path = "/job_posts/{id}/live", consumes = MediaType.ALL_VALUE)
    Map<String, Object> live(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        JsonNode v = json(body).get("live");
        if (v == null || !v.isBoolean()) {
            throw new GhError(400, "live must be true or false", "live");
        }
        return service.setPostLive(account0(req), id, v.booleanValue());
    }

    @PatchMapping(path = "/job_posts/{id}", consumes = MediaType.ALL_VALUE)
    Map<String, Object> updatePost(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        JsonNode n = json(body);
        return service.updatePost(account0(req), id, text(n, "title"), text(n, "content"));
    }

    @DeleteMapping("/job_posts/{id}")
    Map<String, Object> deletePost(HttpServletRequest req, @PathVariable long id) {
        return service.deletePost(account0(req), id);
    }

    // ---------------------------------------------------------------- candidates and applications

    @GetMapping("/candidates")
    List<Object> candidatesByExternalId(HttpServletRequest req,
                                        @org.springframework.web.bind.annotation.RequestParam("external_id") String externalId) {
        return service.candidatesByExternalId(account0(req), externalId);
    }

    @GetMapping("/candidates/{id}")
    Map<String, Object> candidate(HttpServletRequest req, @PathVariable long id) {
        return service.candidate(account0(req), id);
    }

    @DeleteMapping("/candidates/{id}")
    Map<String, Object> deleteCandidate(HttpServletRequest req, @PathVariable long id) {
        return service.deleteCandidate(account0(req), id);
    }

    @PostMapping(path = "/candidates/{id}/merge", consumes = MediaType.ALL_VALUE)
    Map<String, Object> merge(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        JsonNode into = json(body).get("into");
        if (into == null || !into.canConvertToLong()) {
            throw new GhError(400, "into (the surviving candidate id) is required", "into");
        }
        return service.mergeCandidate(account0(req), id, into.asLong());
    }

    @GetMapping("/applications/{id}")
    Map<String, Object> application(HttpServletRequest req, @PathVariable long id) {
        return service.application(account0(req), id);
    }

    @PostMapping(path = "/applications/{id}/move", consumes = MediaType.ALL_VALUE)
    Map<String, Object> move(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        JsonNode n = json(body);
        JsonNode stageId = n.get("stage_id");
        String stage = text(n, "stage");
        if (stage == null && (stageId == null || !stageId.canConvertToLong())) {
            throw new GhError(400, "stage (name) or stage_id is required", "stage");
        }
        return service.moveStage(account0(req), id, stage, stageId == null ? null : stageId.asLong());
    }

    @PostMapping(path = "/applications/{id}/reject", consumes = MediaType.ALL_VALUE)
    Map<String, Object> reject(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        JsonNode r = json(body).get("rejection_reason_id");
        return service.reject(account0(req), id, r == null || !r.canConvertToLong() ? null : r.asLong());
    }

    @PostMapping("/applications/{id}/unreject")
    Map<String, Object> unreject(HttpServletRequest req, @PathVariable long id) {
        return service.unreject(account0(req), id);
    }

    @PostMapping("/applications/{id}/hire")
    Map<String, Object> hire(HttpServletRequest req, @PathVariable long id) {
        return service.hire(account0(req), id);
    }

    @PatchMapping(path = "/applications/{id}", consumes = MediaType.ALL_VALUE)
    Map<String, Object> touch(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        return service.touch(account0(req), id, text(json(body), "credited_to_email"));
    }

    @PostMapping("/applications/{id}/unhire")
    Map<String, Object> unhire(HttpServletRequest req, @PathVariable long id) {
        return service.unhire(account0(req), id);
    }

    // ---------------------------------------------------------------- webhooks

    @GetMapping("/webhooks")
    List<Object> listWebhooks(HttpServletRequest req) {
        GhAccount a = account0(req);
        synchronized (a.webhooks) {
            List<Object> out = new ArrayList<>();
            a.webhooks.values().forEach(h -> out.add(h.view()));
            return out;
        }
    }

    /** Creating (or updating) a webhook pings it; if the ping does not get 200 the webhook is saved disabled. */
    @PostMapping(path = "/webhooks", consumes = MediaType.ALL_VALUE)
    Map<String, Object> createWebhook(HttpServletRequest req, @RequestBody(required = false) String body) {
        GhAccount a = account0(req);
        GhWebhook h = new GhWebhook();
        h.id = store.read(a, GhAccount::nextId);
        h.createdAt = Instant.now();
        apply(h, json(body), true);
        synchronized (a.webhooks) {
            if (a.webhooks.size() >= 50) {
                throw new GhError(403, "At most 50 webhooks per sandbox account");
            }
            a.webhooks.put(h.id, h);
        }
        h.active = webhooks.ping(a, h) && h.active;
        return h.view();
    }

    @PutMapping(path = "/webhooks/{id}", consumes = MediaType.ALL_VALUE)
    Map<String, Object> updateWebhook(HttpServletRequest req, @PathVariable long id, @RequestBody(required = false) String body) {
        GhAccount a = account0(req);
        GhWebhook h = webhook(a, id);
        apply(h, json(body), false);
        h.active = webhooks.ping(a, h) && h.active;
        return h.view();
    }

    @DeleteMapping("/webhooks/{id}")
    Map<String, Object> deleteWebhook(HttpServletRequest req, @PathVariable long id) {
        GhAccount a = account0(req);
        webhook(a, id);
        synchronized (a.webhooks) {
            a.webhooks.remove(id);
        }
        webhooks.forget(id);
        return Map.of("deleted", id);
    }

    @GetMapping("/webhooks/deliveries")
    List<Object> deliveries(HttpServletRequest req) {
        List<Object> out = new ArrayList<>();
        account0(req).deliveries().forEach(d -> out.add(d.view()));
        return out;
    }

    /** Misbehaviour switches for the next deliveries: duplicates, out-of-order (held back past the next), bad signature. */
    @PostMapping(path = "/webhooks/switches", consumes = MediaType.ALL_VALUE)
    Map<String, Object> switches(HttpServletRequest req, @RequestBody(required = false) String body) {
        GhAccount a = account0(req);
        JsonNode n = json(body);
        setIf(n, "duplicate_next", v -> a.webhookSwitches.duplicateNext.set(v));
        setIf(n, "out_of_order_next", v -> a.webhookSwitches.outOfOrderNext.set(v));
        setIf(n, "bad_signature_next", v -> a.webhookSwitches.badSignatureNext.set(v));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duplicate_next", a.webhookSwitches.duplicateNext.get());
        m.put("out_of_order_next", a.webhookSwitches.outOfOrderNext.get());
        m.put("bad_signature_next", a.webhookSwitches.badSignatureNext.get());
        return m;
    }

    @PostMapping("/webhooks/flush")
    Map<String, Object> flush(HttpServletRequest req) {
        webhooks.flush(account0(req));
        return Map.of("flushed", true);
    }

    @PostMapping(path = "/webhooks/redeliver", consumes = MediaType.ALL_VALUE)
    Map<String, Object> redeliver(HttpServletRequest req, @RequestBody(required = false) String body) {
        JsonNode n = json(body);
        String eventId = text(n, "event_id");
        JsonNode bad = n.get("bad_signature");
        if (eventId == null || !webhooks.redeliver(account0(req), eventId, bad != null && bad.asBoolean(false))) {
            throw new GhError(404, "No recent delivery with that event_id", "event_id");
        }
        return Map.of("redelivered", eventId);
    }

    // ---------------------------------------------------------------- faults

    @GetMapping("/faults")
    Map<String, Object> faults(HttpServletRequest req) {
        return account0(req).faults.view();
    }

    @PutMapping(path = "/faults", consumes = MediaType.ALL_VALUE)
    Map<String, Object> setFaults(HttpServletRequest req, @RequestBody(required = false) String body) {
        GhFaults f = account0(req).faults;
        JsonNode n = json(body);
        JsonNode rate = n.get("errorRate");
        if (rate != null) {
            if (!rate.isNumber() || rate.asDouble() < 0 || rate.asDouble() > 1) {
                throw new GhError(400, "errorRate must be a number between 0 and 1", "errorRate");
            }
            f.errorRate = rate.asDouble();
        }
        JsonNode status = n.get("errorStatus");
        if (status != null) {
            if (!status.canConvertToInt() || status.asInt() < 500 || status.asInt() > 599) {
                throw new GhError(400, "errorStatus must be a 5xx status", "errorStatus");
            }
            f.errorStatus = status.asInt();
        }
        setIf(n, "rateLimitStorm", f.rateLimitStorm::set);
        setIf(n, "retryAfterSeconds", v -> f.retryAfterSeconds = v);
        setIf(n, "slowMs", v -> f.slowMs = v);
        setIf(n, "resetNext", f.resetNext::set);
        setIf(n, "commitThenDrop", f.commitThenDrop::set);
        return f.view();
    }

    @DeleteMapping("/faults")
    Map<String, Object> clearFaults(HttpServletRequest req) {
        GhFaults f = account0(req).faults;
        f.clear();
        return f.view();
    }

    // ---------------------------------------------------------------- helpers

    private GhAccount account0(HttpServletRequest req) {
        GhAuth.Credentials c = GhAuth.credentials(req);
        GhAccount a = c == null ? null : store.accountForKey(c.key());
        if (a == null) {
            throw new GhError(401, "Send a sandbox key as the Basic auth username");
        }
        return a;
    }

    private Map<String, Object> accountView(GhAccount a) {
        return store.read(a, x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", x.number);
            m.put("company", x.companyName);
            m.put("board_token", x.boardToken);
            m.put("keys", x.keys.size());
            m.put("partner_source", GhPayloads.idName(x.partnerSource.id, x.partnerSource.name));
            List<Object> users = new ArrayList<>();
            x.users.values().forEach(u -> {
                Map<String, Object> um = GhPayloads.currentUser(u);
                um.put("disabled", u.disabled);
                um.put("basic", u.basic);
                users.add(um);
            });
            m.put("users", users);
            List<Object> reasons = new ArrayList<>();
            x.rejectionReasons.forEach(r -> reasons.add(GhPayloads.idName(r.id, r.name)));
            m.put("rejection_reasons", reasons);
            return m;
        });
    }

    private static GhWebhook webhook(GhAccount a, long id) {
        synchronized (a.webhooks) {
            GhWebhook h = a.webhooks.get(id);
            if (h == null) {
                throw new GhError(404, "Webhook not found", "id");
            }
            return h;
        }
    }

    private static void apply(GhWebhook h, JsonNode n, boolean create) {
        String url = text(n, "url");
        if (url != null || create) {
            if (url == null) {
                throw new GhError(400, "url is required", "url");
            }
            try {
                URI u = URI.create(url);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new GhError(400, "url must be an absolute http(s) URL", "url");
            }
            h.url = url;
        }
        String secret = text(n, "secret");
        if (secret != null || create) {
            if (secret == null || secret.isEmpty()) {
                throw new GhError(400, "secret is required", "secret");
            }
            h.secret = secret;
        }
        String name = text(n, "name");
        if (name != null || create) {
            h.name = name == null ? "Sandbox webhook" : name;
        }
        JsonNode events = n.get("events");
        if (events != null || create) {
            Set<String> set = new LinkedHashSet<>();
            if (events == null || (events.isTextual() && "all".equals(events.textValue()))) {
                set.add("all");
            } else if (events.isArray()) {
                events.forEach(e -> set.add(e.asText()));
            } else if (events.isTextual()) {
                set.add(events.textValue());
            } else {
                throw new GhError(400, "events must be \"all\" or an array of action names", "events");
            }
            h.events = set;
        }
        JsonNode active = n.get("active");
        h.active = active == null || active.asBoolean(true);
        JsonNode basic = n.get("basic_auth");
        if (basic != null && basic.isObject()) {
            h.basicUsername = text(basic, "username");
            h.basicPassword = text(basic, "password");
        }
        JsonNode headers = n.get("headers");
        if (headers != null && headers.isObject()) {
            Map<String, String> hm = new LinkedHashMap<>();
            headers.fields().forEachRemaining(e -> hm.put(e.getKey(), e.getValue().asText()));
            h.customHeaders = hm;
        }
        h.updatedAt = Instant.now();
    }

    private static void setIf(JsonNode n, String field, java.util.function.IntConsumer setter) {
        JsonNode v = n.get(field);
        if (v == null) {
            return;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw new GhError(400, field + " must be a non-negative integer", field);
        }
        setter.accept(v.asInt());
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return GhJson.PLAIN.createObjectNode();
        }
        try {
            JsonNode n = GhJson.PLAIN.readTree(body);
            if (!n.isObject()) {
                throw new GhError(400, "The request body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new GhError(400, "Your request included invalid JSON.");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
