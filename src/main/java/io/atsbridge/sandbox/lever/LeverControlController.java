package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverAccounts.Caller;
import io.atsbridge.sandbox.lever.LeverModel.ArchiveReason;
import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.Stage;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.lever.LeverModel.Webhook;
import io.atsbridge.sandbox.support.Multipart;
import io.atsbridge.sandbox.support.WebhookSender;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's control API for tests and demos (docs/sandbox-lever.md): what a Lever user would do in the UI
 * (create/close/delete jobs, move, hire, reject, archive candidates, configure webhooks) plus faults, clocks and
 * accounts. Each call acts on the account of the sandbox key (Basic) or access token (Bearer) it carries; state
 * changes fire the same webhooks the Data API fires.
 */
@RestController
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@RequestMapping("/sandbox/lever/_control")
class LeverControlController {
    private final LeverAccounts accounts;
    private final LeverWebhooks webhooks;
    private final LeverSandboxProperties props;
    private final ObjectMapper json;

    LeverControlController(LeverAccounts accounts, LeverWebhooks webhooks, LeverSandboxProperties props, ObjectMapper json) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.props = props;
        this.json = json;
    }

    // ================================================================ accounts and keys

    /** A fresh, seeded account and its first key (no credentials needed: this is how a test gets one). */
    @PostMapping("/accounts")
    ResponseEntity<Map<String, Object>> createAccount() {
        LeverAccount a = accounts.newAccount();
        Map<String, Object> m = accountView(a);
        m.put("apiKey", accounts.issueKey(a));
        return ResponseEntity.status(201).body(m);
    }

    @GetMapping("/account")
    Map<String, Object> account(HttpServletRequest req) {
        return accountView(caller(req).account());
    }

    @DeleteMapping("/account")
    ResponseEntity<Void> deleteAccount(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        accounts.deleteAccount(a);
        webhooks.sender().forget(a.id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/keys")
    ResponseEntity<Map<String, Object>> createKey(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        return ResponseEntity.status(201).body(Map.of("apiKey", accounts.issueKey(a)));
    }

    @DeleteMapping("/keys")
    ResponseEntity<Void> revokeKey(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        String key = NewOpportunity.str(body(req), "apiKey");
        if (key == null || !accounts.revokeKey(a, key)) throw LeverError.notFound("keys", "(given key)");
        return ResponseEntity.noContent().build();
    }

    /** Rate limit, confidential access and the webhook event groups a Super Admin toggles. */
    @PutMapping("/settings")
    Map<String, Object> settings(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        if (b.containsKey("ratePerSecond")) a.ratePerSecond = positive(b.get("ratePerSecond"), "ratePerSecond");
        if (b.containsKey("rateBurst")) a.rateBurst = (int) positive(b.get("rateBurst"), "rateBurst");
        if (b.containsKey("rateLimitDisabled")) a.rateLimitDisabled = bool(b.get("rateLimitDisabled"), "rateLimitDisabled");
        if (b.containsKey("confidentialAccess")) a.confidentialAccess = bool(b.get("confidentialAccess"), "confidentialAccess");
        if (b.containsKey("accessTokenTtlSeconds")) {
            a.accessTtl = Duration.ofSeconds((long) positive(b.get("accessTokenTtlSeconds"), "accessTokenTtlSeconds"));
        }
        if (b.get("eventGroups") instanceof Map<?, ?> groups) {
            groups.forEach((k, v) -> {
                if (!LeverAccount.WEBHOOK_EVENTS.contains(String.valueOf(k))) throw LeverError.badRequest("Unknown event: " + k);
                a.eventGroups.put(String.valueOf(k), bool(v, "eventGroups." + k));
            });
        }
        return accountView(a);
    }

    /** Moves this account's clock (token expiry, timestamps) forward without sleeping; {@code reset: true} undoes it. */
    @PostMapping("/clock")
    Map<String, Object> clock(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        if (bool(b.getOrDefault("reset", false), "reset")) a.clock.reset();
        if (b.containsKey("advanceSeconds")) a.clock.advance(Duration.ofSeconds((long) positive(b.get("advanceSeconds"), "advanceSeconds")));
        return Map.of("now", a.now(), "offsetMillis", a.clock.offsetMillis());
    }

    // ================================================================ jobs (postings)

    @PostMapping("/jobs")
    ResponseEntity<Map<String, Object>> createJob(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        String state = b.get("state") == null ? "published" : String.valueOf(b.get("state"));
        if (!LeverAccount.POSTING_STATES.contains(state)) throw LeverError.badRequest("Invalid posting state: " + state);
        synchronized (a.lock) {
            if (a.postings.values().stream().filter(x -> !x.generated).count() >= LeverAccount.MAX_MANUAL_POSTINGS) {
                throw LeverError.badRequest("At most " + LeverAccount.MAX_MANUAL_POSTINGS + " hand-made postings per account");
            }
            Posting p = LeverSeed.posting(a, a.postings.size(), state, ownerId(a), ownerId(a), a.now());
            if (b.get("text") != null) p.text = NewOpportunity.str(b, "text");
            if (b.containsKey("team")) p.team = NewOpportunity.str(b, "team");
            if (b.containsKey("department")) p.department = NewOpportunity.str(b, "department");
            if (b.containsKey("location")) {
                p.location = NewOpportunity.str(b, "location");
                p.allLocations = p.location == null ? new ArrayList<>() : new ArrayList<>(List.of(p.location));
            }
            if (b.containsKey("commitment")) p.commitment = NewOpportunity.str(b, "commitment");
            if (b.containsKey("level")) p.level = NewOpportunity.str(b, "level");
            if (b.containsKey("confidentiality")) p.confidentiality = NewOpportunity.str(b, "confidentiality");
            if (b.containsKey("workplaceType")) p.workplaceType = NewOpportunity.str(b, "workplaceType");
            if (b.containsKey("tags")) p.tags = NewOpportunity.strings(b, "tags");
            if (b.containsKey("descriptionHtml")) {
                p.descriptionHtml = NewOpportunity.str(b, "descriptionHtml");
                p.description = p.descriptionHtml == null ? null : p.descriptionHtml.replaceAll("<[^>]+>", "");
            }
            if (b.containsKey("distributionChannels")) {
                p.distributionChannels = b.get("distributionChannels") == null ? null : NewOpportunity.strings(b, "distributionChannels");
            }
            if (b.containsKey("urls") && b.get("urls") == null) p.hasUrls = false;
            if (b.get("owner") != null) p.owner = NewOpportunity.str(b, "owner");
            a.addPosting(p);
            return ResponseEntity.status(201).body(LeverDataApiController.data(LeverRender.posting(a, p, Set.of(), Set.of())));
        }
    }

    @PostMapping("/jobs/{postingId}/close")
    Map<String, Object> closeJob(HttpServletRequest req, @PathVariable String postingId) {
        return setJobState(caller(req).account(), postingId, "closed");
    }

    @PutMapping("/jobs/{postingId}/state")
    Map<String, Object> jobState(HttpServletRequest req, @PathVariable String postingId) throws IOException {
        LeverAccount a = caller(req).account();
        return setJobState(a, postingId, NewOpportunity.str(body(req), "state"));
    }

    @DeleteMapping("/jobs/{postingId}")
    ResponseEntity<Void> deleteJob(HttpServletRequest req, @PathVariable String postingId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            a.deletePosting(postingId);
        }
        return ResponseEntity.noContent().build();
    }

    /** Adds N postings for load tests (bounded by {@code maxGeneratedJobs} per account). */
    @PostMapping("/jobs/generate")
    ResponseEntity<Map<String, Object>> generate(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        int count = (int) positive(b.get("count"), "count");
        String state = b.get("state") == null ? null : String.valueOf(b.get("state"));
        if (state != null && !LeverAccount.POSTING_STATES.contains(state)) throw LeverError.badRequest("Invalid posting state: " + state);
        List<String> rotation = List.of("published", "published", "published", "internal", "closed", "draft");
        synchronized (a.lock) {
            long existing = a.postings.values().stream().filter(p -> p.generated).count();
            if (existing + count > props.getMaxGeneratedJobs()) {
                throw LeverError.badRequest("At most " + props.getMaxGeneratedJobs() + " generated jobs per account ("
                        + existing + " exist)");
            }
            for (int i = 0; i < count; i++) {
                int n = (int) existing + i;
                a.addPosting(LeverSeed.generated(a, n, state != null ? state : rotation.get(n % rotation.size())));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("created", count);
            m.put("generatedTotal", existing + count);
            m.put("postingsTotal", a.postings.size());
            return ResponseEntity.status(201).body(m);
        }
    }

    @DeleteMapping("/jobs/generated")
    Map<String, Object> dropGenerated(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            int before = a.postings.size();
            a.postings.values().removeIf(p -> p.generated);
            return Map.of("removed", before - a.postings.size());
        }
    }

    // ================================================================ candidates (opportunities)

    /** A candidate applies (or is sourced) the way the Lever UI or job site would create them; fires applicationCreated. */
    @PostMapping("/opportunities")
    ResponseEntity<Map<String, Object>> createCandidate(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        NewOpportunity n = NewOpportunity.fromJson(b);
        if (b.get("email") instanceof String e) n.emails.add(e);
        if (b.get("postingId") instanceof String pid) n.postings.add(pid);
        if (n.origin == null) n.origin = n.postings.isEmpty() ? "sourced" : "applied";
        synchronized (a.lock) {
            User actor = a.firstSuperAdmin();
            LeverAccount.Created c = a.createOpportunity(n, actor == null ? null : actor.id, false);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deduped", c.deduped());
            m.put("data", LeverRender.opportunity(a, c.opportunity(), Set.of(), Set.of()));
            return ResponseEntity.status(201).body(m);
        }
    }

    /** Moves a candidate to a stage given by id or by name (e.g. {@code {"stageName": "Screened"}}). */
    @PostMapping("/opportunities/{oppId}/stage")
    Map<String, Object> move(HttpServletRequest req, @PathVariable String oppId) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        synchronized (a.lock) {
            String stageId = NewOpportunity.str(b, "stage");
            String name = NewOpportunity.str(b, "stageName");
            if (stageId == null && name != null) {
                stageId = a.stages.stream().filter(s -> s.text.equalsIgnoreCase(name)).map(s -> s.id).findFirst()
                        .orElseThrow(() -> LeverError.notFound("stages", name));
            }
            return opp(a, a.changeStage(oppId, stageId, adminId(a)));
        }
    }

    @PostMapping("/opportunities/{oppId}/hire")
    Map<String, Object> hire(HttpServletRequest req, @PathVariable String oppId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            return opp(a, a.setArchived(oppId, a.hiredReason().id, adminId(a)));
        }
    }

    /** Archives with a non-hired reason: the given {@code reason} id, else the first active non-hired one. */
    @PostMapping("/opportunities/{oppId}/reject")
    Map<String, Object> reject(HttpServletRequest req, @PathVariable String oppId) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        synchronized (a.lock) {
            String reason = NewOpportunity.str(b, "reason");
            if (reason == null) {
                reason = a.archiveReasons.stream().filter(r -> "non-hired".equals(r.type) && "active".equals(r.status))
                        .map(r -> r.id).findFirst().orElseThrow();
            } else {
                ArchiveReason r = a.archiveReason(reason);
                if (r != null && "hired".equals(r.type)) throw LeverError.badRequest("Use /hire for the hired reason");
            }
            return opp(a, a.setArchived(oppId, reason, adminId(a)));
        }
    }

    /** Archives with any reason id, or un-archives with {@code {"reason": null}}. */
    @PostMapping("/opportunities/{oppId}/archive")
    Map<String, Object> archive(HttpServletRequest req, @PathVariable String oppId) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        synchronized (a.lock) {
            return opp(a, a.setArchived(oppId, NewOpportunity.str(b, "reason"), adminId(a)));
        }
    }

    @PostMapping("/opportunities/{oppId}/unarchive")
    Map<String, Object> unarchive(HttpServletRequest req, @PathVariable String oppId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            return opp(a, a.setArchived(oppId, null, adminId(a)));
        }
    }

    @DeleteMapping("/opportunities/{oppId}")
    ResponseEntity<Void> deleteCandidate(HttpServletRequest req, @PathVariable String oppId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            a.deleteOpportunity(oppId, adminId(a));
        }
        return ResponseEntity.noContent().build();
    }

    /** Everything the simulator holds about a candidate, including uploaded files and notes (for assertions). */
    @GetMapping("/opportunities/{oppId}")
    Map<String, Object> inspect(HttpServletRequest req, @PathVariable String oppId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            Opportunity o = a.opportunities.get(oppId);
            if (o == null) throw LeverError.notFound("opportunities", oppId);
            Map<String, Object> m = LeverRender.opportunity(a, o, Set.of(), Set.of("applications"));
            List<Map<String, Object>> files = new ArrayList<>();
            for (LeverModel.FileRecord f : o.files) {
                Map<String, Object> fm = LeverRender.file(f, o.id);
                fm.put("sha256", f.sha256);
                fm.put("contentType", f.contentType);
                files.add(fm);
            }
            m.put("files", files);
            List<Map<String, Object>> notes = new ArrayList<>();
            for (LeverModel.Note n : o.notes) {
                Map<String, Object> nm = new LinkedHashMap<>();
                nm.put("id", n.id);
                nm.put("value", n.value);
                nm.put("user", n.user);
                nm.put("secret", n.secret);
                nm.put("score", n.score);
                nm.put("createdAt", n.createdAt);
                notes.add(nm);
            }
            m.put("notes", notes);
            return m;
        }
    }

    // ================================================================ webhooks

    /** Configures webhooks as a Super Admin does in the UI: one per event in {@code events} (or {@code event}). */
    @PostMapping("/webhooks")
    ResponseEntity<Map<String, Object>> addWebhooks(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        Set<String> events = new LinkedHashSet<>(NewOpportunity.strings(b, "events"));
        if (b.get("event") != null) events.add(NewOpportunity.str(b, "event"));
        if (events.isEmpty()) throw LeverError.badRequest("event or events is required");
        List<String> origins = b.get("origins") == null ? null : NewOpportunity.strings(b, "origins");
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (a.lock) {
            for (String e : events) {
                Webhook w = a.addWebhook(NewOpportunity.str(b, "url"), e, origins, !Boolean.FALSE.equals(b.get("uiConfigured")));
                out.add(LeverRender.webhook(w, true));
            }
        }
        return ResponseEntity.status(201).body(LeverPaging.all(out));
    }

    @GetMapping("/webhooks")
    Map<String, Object> listWebhooks(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            return LeverPaging.all(a.webhooks.values().stream().map(w -> LeverRender.webhook(w, true)).toList());
        }
    }

    @DeleteMapping("/webhooks/{webhookId}")
    ResponseEntity<Void> deleteWebhook(HttpServletRequest req, @PathVariable String webhookId) {
        LeverAccount a = caller(req).account();
        synchronized (a.lock) {
            if (a.webhooks.remove(webhookId) == null) throw LeverError.notFound("webhooks", webhookId);
        }
        return ResponseEntity.noContent().build();
    }

    /** The delivery log, newest first (Lever's settings page keeps the last 1,000). */
    @GetMapping("/webhooks/deliveries")
    Map<String, Object> deliveries(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        return Map.of("deliveries", webhooks.sender().log(a.id).stream().map(WebhookSender.Delivery::view).toList());
    }

    /** The settings page's test request: {@code data: {}}, to every webhook of {@code event} (or all webhooks). */
    @PostMapping("/webhooks/ping")
    Map<String, Object> ping(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        String event = NewOpportunity.str(body(req), "event");
        List<WebhookSender.Delivery> sent = new ArrayList<>();
        synchronized (a.lock) {
            for (Webhook w : a.webhooks.values()) {
                if (event == null || event.equals(w.event)) sent.add(webhooks.deliver(a, w, w.event, new LinkedHashMap<>(), false, "ping"));
            }
        }
        return sentView(sent);
    }

    /** Sends a real-looking event whose signature was made with the wrong key (negative tests). */
    @PostMapping("/webhooks/bad-signature")
    Map<String, Object> badSignature(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        Map<String, Object> b = body(req);
        String event = NewOpportunity.str(b, "event");
        if (event == null) throw LeverError.badRequest("event is required");
        Map<String, Object> data = b.get("data") instanceof Map<?, ?> m ? castMap(m) : new LinkedHashMap<>();
        synchronized (a.lock) {
            return sentView(webhooks.deliverToAll(a, event, data, true, "bad-signature"));
        }
    }

    /** Sends a logged delivery again with the same bytes: Lever's manual rerun, and a duplicate/replay for dedupe tests. */
    @PostMapping({"/webhooks/deliveries/{deliveryId}/rerun", "/webhooks/deliveries/{deliveryId}/duplicate"})
    Map<String, Object> rerun(HttpServletRequest req, @PathVariable String deliveryId) {
        LeverAccount a = caller(req).account();
        WebhookSender.Delivery d = webhooks.sender().find(a.id, deliveryId);
        if (d == null) throw LeverError.notFound("deliveries", deliveryId);
        return sentView(List.of(webhooks.sender().resend(d, "rerun of " + deliveryId)));
    }

    /** Compresses Lever's retry schedule for tests (applies to the whole simulator). */
    @PutMapping("/webhooks/retry-schedule")
    Map<String, Object> retrySchedule(HttpServletRequest req) throws IOException {
        caller(req);
        Map<String, Object> b = body(req);
        List<Duration> delays = new ArrayList<>();
        if (!(b.get("delaysMs") instanceof List<?> l) || l.size() > 10) {
            throw LeverError.badRequest("delaysMs must be a list of at most 10 delays in milliseconds");
        }
        for (Object o : l) delays.add(Duration.ofMillis((long) positive(o, "delaysMs")));
        webhooks.setRetryDelays(delays);
        return Map.of("delaysMs", delays.stream().map(Duration::toMillis).toList());
    }

    // ================================================================ faults

    @GetMapping("/faults")
    Map<String, Object> faults(HttpServletRequest req) {
        return caller(req).account().faults.view();
    }

    @PutMapping("/faults")
    Map<String, Object> setFaults(HttpServletRequest req) throws IOException {
        LeverAccount a = caller(req).account();
        a.faults.configure(body(req));
        return a.faults.view();
    }

    @DeleteMapping("/faults")
    Map<String, Object> clearFaults(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        a.faults.reset();
        return a.faults.view();
    }

    // ================================================================ OAuth

    @PostMapping("/oauth/clients")
    ResponseEntity<Map<String, Object>> registerClient(HttpServletRequest req) throws IOException {
        Map<String, Object> b = body(req);
        List<String> uris = NewOpportunity.strings(b, "redirectUris");
        if (uris.isEmpty()) throw LeverError.badRequest("redirectUris must list at least one callback URL");
        LeverAccounts.Client c = accounts.registerClient(NewOpportunity.str(b, "clientId"), NewOpportunity.str(b, "clientSecret"),
                new LinkedHashSet<>(uris));
        return ResponseEntity.status(201).body(Map.of("clientId", c.id, "redirectUris", uris));
    }

    @GetMapping("/oauth/clients")
    Map<String, Object> clients() {
        return Map.of("clients", accounts.clientViews());
    }

    /**
     * Decides where a client's consents land: from now on in the caller's account ({@code {}}), again in a fresh
     * account each time ({@code {"fresh": true}}), or the next one is refused ({@code {"deny": true}}).
     */
    @PutMapping("/oauth/clients/{clientId}/consent")
    Map<String, Object> consent(HttpServletRequest req, @PathVariable String clientId) throws IOException {
        LeverAccount a = caller(req).account();
        LeverAccounts.Client c = accounts.client(clientId);
        if (c == null) throw LeverError.notFound("clients", clientId);
        Map<String, Object> b = body(req);
        if (bool(b.getOrDefault("deny", false), "deny")) {
            c.denyNext = true;
        } else if (bool(b.getOrDefault("fresh", false), "fresh")) {
            c.consentAccountId = null;
        } else {
            c.consentAccountId = a.id;
        }
        return Map.of("clientId", c.id, "consentAccountId", String.valueOf(c.consentAccountId), "denyNext", c.denyNext);
    }

    /** A Super Admin disconnecting the app: every token of the client (or all clients) for this account dies. */
    @DeleteMapping("/oauth/grants")
    Map<String, Object> revoke(HttpServletRequest req) {
        LeverAccount a = caller(req).account();
        String clientId = req.getParameter("clientId");
        return Map.of("revoked", accounts.revokeGrants(a, clientId));
    }

    // ================================================================ helpers

    private Caller caller(HttpServletRequest req) {
        Caller c = LeverGate.authenticate(accounts, req.getHeader("Authorization"));
        if (c == null) throw LeverError.unauthorized("The control API needs the account's sandbox key (Basic) or access token (Bearer)");
        return c;
    }

    private Map<String, Object> setJobState(LeverAccount a, String postingId, String state) {
        if (state == null) throw LeverError.badRequest("state is required");
        synchronized (a.lock) {
            Posting p = a.setPostingState(postingId, state);
            return LeverDataApiController.data(LeverRender.posting(a, p, Set.of(), Set.of()));
        }
    }

    private static Map<String, Object> opp(LeverAccount a, Opportunity o) {
        return LeverDataApiController.data(LeverRender.opportunity(a, o, Set.of(), Set.of()));
    }

    private static String adminId(LeverAccount a) {
        User u = a.firstSuperAdmin();
        return u == null ? null : u.id;
    }

    private static String ownerId(LeverAccount a) {
        return adminId(a);
    }

    private static Map<String, Object> sentView(List<WebhookSender.Delivery> sent) {
        return Map.of("deliveries", sent.stream().map(WebhookSender.Delivery::view).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private Map<String, Object> body(HttpServletRequest req) throws IOException {
        byte[] bytes = Multipart.readLimited(req.getInputStream(), 1_048_576);
        if (bytes.length == 0) return new LinkedHashMap<>();
        try {
            return json.readValue(bytes, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw LeverError.badRequest("Body must be a JSON object");
        }
    }

    private static double positive(Object v, String name) {
        if (!(v instanceof Number n) || n.doubleValue() <= 0) throw LeverError.badRequest(name + " must be a positive number");
        return n.doubleValue();
    }

    private static boolean bool(Object v, String name) {
        if (!(v instanceof Boolean b)) throw LeverError.badRequest(name + " must be true or false");
        return b;
    }

    private Map<String, Object> accountView(LeverAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", a.id);
        m.put("site", a.site);
        m.put("keys", a.keyDigests.size());
        synchronized (a.lock) {
            m.put("postings", a.postings.size());
            m.put("opportunities", a.liveOpportunities().size());
            m.put("webhooks", a.webhooks.size());
            m.put("superAdminUserId", adminId(a));
            Map<String, String> stageIds = new LinkedHashMap<>();
            for (Stage s : a.stages) stageIds.put(s.text, s.id);
            m.put("stages", stageIds);
            m.put("hiredArchiveReasonId", a.hiredReason().id);
        }
        m.put("ratePerSecond", a.ratePerSecond);
        m.put("rateBurst", a.rateBurst);
        m.put("rateLimitDisabled", a.rateLimitDisabled);
        m.put("confidentialAccess", a.confidentialAccess);
        m.put("accessTokenTtlSeconds", a.accessTtl.toSeconds());
        m.put("eventGroups", new LinkedHashMap<>(a.eventGroups));
        m.put("faults", a.faults.view());
        return m;
    }
}
