package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverAccounts.Caller;
import io.atsbridge.sandbox.lever.LeverModel.FileRecord;
import io.atsbridge.sandbox.lever.LeverModel.Note;
import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.lever.LeverModel.Webhook;
import io.atsbridge.sandbox.support.ConnectionBreaker;
import io.atsbridge.sandbox.support.Multipart;
import io.atsbridge.sandbox.support.RawMultipartFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lever Data API v1 as the simulator serves it under {@code /sandbox/lever/v1} (lever.md sections 3–6). Requests
 * reach it through {@link LeverGate}; every write that succeeds may still lose its answer when the account has a
 * "commit then drop" fault armed.
 */
@RestController
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@RequestMapping("/sandbox/lever/v1")
class LeverDataApiController {
    private static final Comparator<Posting> POSTING_ORDER =
            Comparator.<Posting>comparingLong(p -> p.createdAt).thenComparing(p -> p.id);
    private static final Comparator<Opportunity> OPP_ORDER =
            Comparator.<Opportunity>comparingLong(o -> o.createdAt).thenComparing(o -> o.id);
    private static final Set<String> PAGING_PARAMS = Set.of("limit", "offset", "include", "expand", "confidentiality");

    private final LeverAccounts accounts;
    private final LeverSandboxProperties props;
    private final ObjectMapper json;

    LeverDataApiController(LeverAccounts accounts, LeverSandboxProperties props, ObjectMapper json) {
        this.accounts = accounts;
        this.props = props;
        this.json = json;
    }

    // ================================================================ postings

    @GetMapping("/postings")
    Map<String, Object> listPostings(@RequestAttribute(LeverGate.CALLER) Caller c,
                                     @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "postings:read:admin");
        LeverAccount a = c.account();
        Long updatedStart = timestamp(q, "updated_at_start");
        Long updatedEnd = timestamp(q, "updated_at_end");
        if (updatedStart != null || updatedEnd != null) {
            for (String k : q.keySet()) {
                if (!k.startsWith("updated_at_") && !PAGING_PARAMS.contains(k)) {
                    throw LeverError.badRequest("updated_at_ parameters can only be used in combination with confidentiality; "
                            + "remove '" + k + "'");
                }
            }
        }
        if (q.containsKey("group")) throw LeverError.badRequest("The sandbox does not support grouped output (group)");
        Set<String> states = values(q, "state");
        for (String s : states) {
            if (!LeverAccount.POSTING_STATES.contains(s)) throw LeverError.badRequest("Invalid state parameter: " + s);
        }
        Set<String> channels = values(q, "distributionChannel");
        for (String ch : channels) {
            if (!ch.equals("public") && !ch.equals("internal")) {
                throw LeverError.badRequest("Invalid distributionChannel parameter: " + ch);
            }
        }
        // published postings are listed only when they reach a requested channel; the default is the public site
        Set<String> wantedChannels = channels.isEmpty() ? Set.of("public") : channels;
        Predicate<Posting> conf = confidentiality(c, q.getFirst("confidentiality"), p -> p.confidentiality);
        Set<String> teams = values(q, "team");
        Set<String> departments = values(q, "department");
        Set<String> locations = values(q, "location");
        Set<String> commitments = values(q, "commitment");
        Set<String> levels = values(q, "level");
        Set<String> tags = values(q, "tag");
        Set<String> include = values(q, "include");
        Set<String> expand = values(q, "expand");
        synchronized (a.lock) {
            List<Posting> items = a.postings.values().stream()
                    .filter(conf)
                    .filter(p -> states.isEmpty() || states.contains(p.state))
                    .filter(p -> !"published".equals(p.state) || (p.distributionChannels != null
                            && p.distributionChannels.stream().anyMatch(wantedChannels::contains)))
                    .filter(p -> teams.isEmpty() || teams.contains(p.team))
                    .filter(p -> departments.isEmpty() || departments.contains(p.department))
                    .filter(p -> locations.isEmpty() || locations.contains(p.location)
                            || p.allLocations.stream().anyMatch(locations::contains))
                    .filter(p -> commitments.isEmpty() || commitments.contains(p.commitment))
                    .filter(p -> levels.isEmpty() || levels.contains(p.level))
                    .filter(p -> tags.isEmpty() || p.tags.stream().anyMatch(tags::contains))
                    .filter(p -> updatedStart == null || p.updatedAt >= updatedStart)
                    .filter(p -> updatedEnd == null || p.updatedAt <= updatedEnd)
                    .sorted(POSTING_ORDER)
                    .toList();
            return LeverPaging.page(accounts, a, "postings", items, p -> p.createdAt, p -> p.id,
                    q.getFirst("limit"), q.getFirst("offset"), p -> LeverRender.posting(a, p, include, expand));
        }
    }

    @GetMapping("/postings/deleted")
    Map<String, Object> deletedPostings(@RequestAttribute(LeverGate.CALLER) Caller c,
                                        @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "postings:read:admin");
        Long start = timestamp(q, "deleted_at_start");
        Long end = timestamp(q, "deleted_at_end");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            List<Map<String, Object>> out = new ArrayList<>();
            a.deletedPostings.forEach((id, at) -> {
                if ((start == null || at >= start) && (end == null || at <= end)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", id);
                    m.put("deletedAt", at);
                    out.add(m);
                }
            });
            return LeverPaging.all(out);
        }
    }

    @GetMapping("/postings/{postingId}")
    Map<String, Object> getPosting(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String postingId,
                                   @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "postings:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Posting p = a.posting(postingId);
            if ("confidential".equals(p.confidentiality) && !a.confidentialAccess) {
                throw LeverError.forbidden("This API key does not have access to confidential postings");
            }
            return data(LeverRender.posting(a, p, values(q, "include"), values(q, "expand")));
        }
    }

    // ================================================================ opportunities

    @GetMapping("/opportunities")
    Map<String, Object> listOpportunities(@RequestAttribute(LeverGate.CALLER) Caller c,
                                          @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "opportunities:read:admin");
        LeverAccount a = c.account();
        Set<String> emails = new LinkedHashSet<>();
        for (String e : values(q, "email")) emails.add(LeverAccount.canonicalEmail(e));
        Set<String> tags = values(q, "tag");
        Set<String> origins = values(q, "origin");
        Set<String> sources = values(q, "source");
        Set<String> stageIds = values(q, "stage_id");
        Set<String> postingIds = values(q, "posting_id");
        Set<String> archivedPostingIds = values(q, "archived_posting_id");
        Set<String> reasonIds = values(q, "archive_reason_id");
        Set<String> contactIds = values(q, "contact_id");
        Set<String> locations = values(q, "location");
        Boolean archived = bool(q.getFirst("archived"), "archived");
        Boolean snoozed = bool(q.getFirst("snoozed"), "snoozed");
        long[] created = range(q, "created_at");
        long[] updated = range(q, "updated_at");
        long[] advanced = range(q, "advanced_at");
        long[] archivedAt = range(q, "archived_at");
        Predicate<Opportunity> conf = confidentiality(c, q.getFirst("confidentiality"), o -> o.confidentiality);
        Set<String> include = values(q, "include");
        Set<String> expand = values(q, "expand");
        synchronized (a.lock) {
            List<Opportunity> items = a.liveOpportunities().stream()
                    .filter(conf)
                    .filter(o -> emails.isEmpty() || a.contacts.get(o.contactId).emails.stream()
                            .map(LeverAccount::canonicalEmail).anyMatch(emails::contains))
                    .filter(o -> tags.isEmpty() || o.tags.stream().anyMatch(tags::contains))
                    .filter(o -> origins.isEmpty() || origins.contains(o.origin))
                    .filter(o -> sources.isEmpty() || o.sources.stream().anyMatch(sources::contains))
                    .filter(o -> stageIds.isEmpty() || stageIds.contains(o.stage))
                    .filter(o -> postingIds.isEmpty() || (o.application != null && o.archived == null
                            && postingIds.contains(o.application.postingId)))
                    .filter(o -> archivedPostingIds.isEmpty() || (o.application != null && o.archived != null
                            && archivedPostingIds.contains(o.application.postingId)))
                    .filter(o -> reasonIds.isEmpty() || (o.archived != null && reasonIds.contains(o.archived.reason)))
                    .filter(o -> contactIds.isEmpty() || contactIds.contains(o.contactId))
                    .filter(o -> locations.isEmpty() || locations.contains(o.location))
                    .filter(o -> archived == null || archived == (o.archived != null))
                    .filter(o -> snoozed == null || !snoozed)
                    .filter(o -> within(o.createdAt, created) && within(o.updatedAt, updated)
                            && within(o.lastAdvancedAt, advanced)
                            && (archivedAt == null || (o.archived != null && within(o.archived.archivedAt, archivedAt))))
                    .sorted(OPP_ORDER)
                    .toList();
            return LeverPaging.page(accounts, a, "opportunities", items, o -> o.createdAt, o -> o.id,
                    q.getFirst("limit"), q.getFirst("offset"), o -> LeverRender.opportunity(a, o, include, expand));
        }
    }

    @GetMapping("/opportunities/deleted")
    Map<String, Object> deletedOpportunities(@RequestAttribute(LeverGate.CALLER) Caller c,
                                             @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "opportunities:read:admin");
        long[] deleted = range(q, "deleted_at");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            List<Opportunity> items = a.opportunities.values().stream()
                    .filter(o -> o.deletedAt != null && within(o.deletedAt, deleted)).sorted(OPP_ORDER).toList();
            return LeverPaging.page(accounts, a, "opportunities-deleted", items, o -> o.createdAt, o -> o.id,
                    q.getFirst("limit"), q.getFirst("offset"), o -> LeverRender.opportunity(a, o, Set.of(), Set.of()));
        }
    }

    @GetMapping("/opportunities/{oppId}")
    Map<String, Object> getOpportunity(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
                                       @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "opportunities:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Opportunity o = a.opportunity(oppId);
            if ("confidential".equals(o.confidentiality) && !a.confidentialAccess) {
                throw LeverError.forbidden("This API key does not have access to confidential opportunities");
            }
            return data(LeverRender.opportunity(a, o, values(q, "include"), values(q, "expand")));
        }
    }

    @PostMapping("/opportunities")
    ResponseEntity<Map<String, Object>> createOpportunity(@RequestAttribute(LeverGate.CALLER) Caller c,
            @RequestParam MultiValueMap<String, String> q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        requireScope(c, "opportunities:write:admin");
        String multipartType = RawMultipartFilter.multipartType(req);
        NewOpportunity in;
        if (multipartType != null) {
            in = fromMultipart(readParts(req, multipartType, 2 * props.getMaxFileBytes() + 1_048_576));
        } else {
            in = NewOpportunity.fromJson(jsonObject(req));
        }
        if (in.resume != null) in.files.add(0, in.resume);
        boolean postingOwner = "true".equalsIgnoreCase(q.getFirst("perform_as_posting_owner"));
        LeverAccount a = c.account();
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (a.lock) {
            LeverAccount.Created created = a.createOpportunity(in, performAs(c, q), postingOwner);
            body.put("deduped", created.deduped());
            body.put("data", LeverRender.opportunity(a, created.opportunity(), Set.of(), values(q, "expand")));
        }
        return committed(c, res, ResponseEntity.status(201).body(body));
    }

    @PutMapping("/opportunities/{oppId}/stage")
    ResponseEntity<Map<String, Object>> changeStage(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
            @RequestParam MultiValueMap<String, String> q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        requireScope(c, "opportunities:write:admin");
        Map<String, Object> b = jsonObject(req);
        Object stage = b.get("stage");
        if (stage != null && !(stage instanceof String)) throw LeverError.badRequest("stage must be a stage id string");
        LeverAccount a = c.account();
        Map<String, Object> body;
        synchronized (a.lock) {
            Opportunity o = a.changeStage(oppId, (String) stage, performAsOptional(c, q));
            body = data(LeverRender.opportunity(a, o, Set.of(), Set.of()));
        }
        return committed(c, res, ResponseEntity.ok(body));
    }

    @PutMapping("/opportunities/{oppId}/archived")
    ResponseEntity<Map<String, Object>> archive(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
            @RequestParam MultiValueMap<String, String> q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        requireScope(c, "opportunities:write:admin");
        Map<String, Object> b = jsonObject(req);
        if (!b.containsKey("reason")) throw LeverError.badRequest("Missing required field: reason (an archive reason id, or null)");
        Object reason = b.get("reason");
        if (reason != null && !(reason instanceof String)) throw LeverError.badRequest("reason must be an archive reason id or null");
        LeverAccount a = c.account();
        Map<String, Object> body;
        synchronized (a.lock) {
            Opportunity o = a.setArchived(oppId, (String) reason, performAsOptional(c, q));
            body = data(LeverRender.opportunity(a, o, Set.of(), Set.of()));
        }
        return committed(c, res, ResponseEntity.ok(body));
    }

    @PostMapping("/opportunities/{oppId}/{action:addTags|removeTags|addSources|removeSources|addLinks|removeLinks}")
    ResponseEntity<Map<String, Object>> editList(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
            @PathVariable String action, @RequestParam MultiValueMap<String, String> q, HttpServletRequest req,
            HttpServletResponse res) throws IOException {
        requireScope(c, "opportunities:write:admin");
        boolean add = action.startsWith("add");
        String field = action.substring(add ? 3 : 6).toLowerCase(Locale.ROOT);
        Map<String, Object> b = jsonObject(req);
        if (!b.containsKey(field)) throw LeverError.badRequest("Missing required field: " + field);
        List<String> list = NewOpportunity.strings(b, field);
        LeverAccount a = c.account();
        Map<String, Object> body;
        synchronized (a.lock) {
            Opportunity o = a.editList(oppId, field, list, add, performAsOptional(c, q));
            body = data(LeverRender.opportunity(a, o, Set.of(), Set.of()));
        }
        return committed(c, res, ResponseEntity.ok(body));
    }

    @PostMapping("/opportunities/{oppId}/files")
    ResponseEntity<Map<String, Object>> uploadFile(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
            @RequestParam MultiValueMap<String, String> q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        requireScope(c, "files:write:admin");
        String multipartType = RawMultipartFilter.multipartType(req);
        if (multipartType == null) throw LeverError.badRequest("Files must be uploaded as multipart/form-data with a 'file' field");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            a.performer(performAs(c, q), true);
            a.opportunity(oppId); // unknown opportunity answers before the upload is read
        }
        List<Multipart.Part> parts = readParts(req, multipartType, props.getMaxFileBytes() + 1_048_576);
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name()) && p.isFile()).findFirst()
                .orElseThrow(() -> LeverError.badRequest("Missing required multipart field: file"));
        NewOpportunity.Upload up = upload(file);
        Map<String, Object> body;
        synchronized (a.lock) {
            FileRecord f = a.addFile(oppId, up, performAs(c, q));
            body = data(LeverRender.file(f, oppId));
        }
        return committed(c, res, ResponseEntity.ok(body));
    }

    @GetMapping("/opportunities/{oppId}/files")
    Map<String, Object> listFiles(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId) {
        requireScope(c, "files:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Opportunity o = a.opportunity(oppId);
            return LeverPaging.all(o.files.stream().map(f -> LeverRender.file(f, oppId)).toList());
        }
    }

    @PostMapping("/opportunities/{oppId}/notes")
    ResponseEntity<Map<String, Object>> addNote(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId,
            @RequestParam MultiValueMap<String, String> q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        requireScope(c, "notes:write:admin");
        Map<String, Object> b = jsonObject(req);
        String value = NewOpportunity.str(b, "value");
        Object secret = b.get("secret");
        if (secret != null && !(secret instanceof Boolean)) throw LeverError.badRequest("secret must be a boolean");
        Object score = b.get("score");
        if (score != null && !(score instanceof Integer)) throw LeverError.badRequest("score must be an integer 1-4");
        Long createdAt = NewOpportunity.num(b.get("createdAt"), "createdAt");
        LeverAccount a = c.account();
        Map<String, Object> out = new LinkedHashMap<>();
        synchronized (a.lock) {
            Note n = a.addNote(oppId, value, Boolean.TRUE.equals(secret), (Integer) score, createdAt,
                    q.getFirst("note_id"), performAsOptional(c, q));
            out.put("noteId", n.id);
        }
        return committed(c, res, ResponseEntity.status(201).body(data(out)));
    }

    @GetMapping("/opportunities/{oppId}/notes")
    Map<String, Object> listNotes(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String oppId) {
        requireScope(c, "notes:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Opportunity o = a.opportunity(oppId);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Note n : o.notes) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", n.id);
                m.put("text", n.value);
                m.put("fields", List.of(Map.of("type", "note", "text", "", "value", n.value)));
                m.put("user", n.user);
                m.put("secret", n.secret);
                m.put("score", n.score);
                m.put("createdAt", n.createdAt);
                m.put("parentNoteId", n.parentNoteId);
                out.add(m);
            }
            return LeverPaging.all(out);
        }
    }

    // ================================================================ reference data

    @GetMapping("/stages")
    Map<String, Object> stages(@RequestAttribute(LeverGate.CALLER) Caller c) {
        requireScope(c, "stages:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            return LeverPaging.all(a.stages.stream().map(LeverRender::stage).toList());
        }
    }

    @GetMapping("/stages/{stageId}")
    Map<String, Object> stage(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String stageId) {
        requireScope(c, "stages:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            LeverModel.Stage s = a.stage(stageId);
            if (s == null) throw LeverError.notFound("stages", stageId);
            return data(LeverRender.stage(s));
        }
    }

    @GetMapping("/archive_reasons")
    Map<String, Object> archiveReasons(@RequestAttribute(LeverGate.CALLER) Caller c,
                                       @RequestParam(required = false) String type) {
        requireScope(c, "archive_reasons:read:admin");
        if (type != null && !type.equals("hired") && !type.equals("non-hired")) {
            throw LeverError.badRequest("Invalid type parameter: " + type + " (hired or non-hired)");
        }
        LeverAccount a = c.account();
        synchronized (a.lock) {
            return LeverPaging.all(a.archiveReasons.stream().filter(r -> type == null || type.equals(r.type))
                    .map(LeverRender::archiveReason).toList());
        }
    }

    @GetMapping("/archive_reasons/{reasonId}")
    Map<String, Object> archiveReason(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String reasonId) {
        requireScope(c, "archive_reasons:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            LeverModel.ArchiveReason r = a.archiveReason(reasonId);
            if (r == null) throw LeverError.notFound("archive_reasons", reasonId);
            return data(LeverRender.archiveReason(r));
        }
    }

    @GetMapping("/users")
    Map<String, Object> users(@RequestAttribute(LeverGate.CALLER) Caller c, @RequestParam MultiValueMap<String, String> q) {
        requireScope(c, "users:read:admin");
        Set<String> emails = new LinkedHashSet<>();
        for (String e : values(q, "email")) emails.add(LeverAccount.canonicalEmail(e));
        Set<String> roles = values(q, "accessRole");
        Set<String> external = values(q, "external_directory_id");
        Boolean deactivated = bool(q.getFirst("includeDeactivated"), "includeDeactivated");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            List<User> items = a.users.values().stream()
                    .filter(u -> Boolean.TRUE.equals(deactivated) || u.deactivatedAt == null)
                    .filter(u -> emails.isEmpty() || emails.contains(LeverAccount.canonicalEmail(u.email)))
                    .filter(u -> roles.isEmpty() || roles.contains(u.accessRole))
                    .filter(u -> external.isEmpty() || external.contains(u.externalDirectoryId))
                    .sorted(Comparator.<User>comparingLong(u -> u.createdAt).thenComparing(u -> u.id))
                    .toList();
            return LeverPaging.page(accounts, a, "users", items, u -> u.createdAt, u -> u.id,
                    q.getFirst("limit"), q.getFirst("offset"), LeverRender::user);
        }
    }

    @GetMapping("/users/{userId}")
    Map<String, Object> user(@RequestAttribute(LeverGate.CALLER) Caller c, @PathVariable String userId) {
        requireScope(c, "users:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            User u = a.users.get(userId);
            if (u == null) throw LeverError.notFound("users", userId);
            return data(LeverRender.user(u));
        }
    }

    @GetMapping({"/tags", "/sources"})
    Map<String, Object> counts(@RequestAttribute(LeverGate.CALLER) Caller c, HttpServletRequest req) {
        boolean tags = req.getRequestURI().endsWith("/tags");
        requireScope(c, tags ? "tags:read:admin" : "sources:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Opportunity o : a.liveOpportunities()) {
                for (String t : tags ? o.tags : o.sources) counts.merge(t, 1, Integer::sum);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            counts.forEach((t, n) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", t);
                m.put("count", n);
                out.add(m);
            });
            return LeverPaging.all(out);
        }
    }

    // ================================================================ webhooks

    @GetMapping("/webhooks")
    Map<String, Object> webhooks(@RequestAttribute(LeverGate.CALLER) Caller c) {
        requireScope(c, "webhooks:read:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            return LeverPaging.all(a.webhooks.values().stream().map(w -> LeverRender.webhook(w, false)).toList());
        }
    }

    @PostMapping("/webhooks")
    ResponseEntity<Map<String, Object>> createWebhook(@RequestAttribute(LeverGate.CALLER) Caller c, HttpServletRequest req,
                                                      HttpServletResponse res) throws IOException {
        requireScope(c, "webhooks:write:admin");
        Map<String, Object> b = jsonObject(req);
        List<String> origins = origins(b.get("configuration"));
        LeverAccount a = c.account();
        Map<String, Object> body;
        synchronized (a.lock) {
            Webhook w = a.addWebhook(NewOpportunity.str(b, "url"), NewOpportunity.str(b, "event"), origins, false);
            body = data(LeverRender.webhook(w, true)); // single nesting, as working integrators read it
        }
        return committed(c, res, ResponseEntity.status(201).body(body));
    }

    @PutMapping("/webhooks")
    ResponseEntity<Map<String, Object>> updateWebhooks(@RequestAttribute(LeverGate.CALLER) Caller c, HttpServletRequest req,
                                                       HttpServletResponse res) throws IOException {
        requireScope(c, "webhooks:write:admin");
        Map<String, Object> b = jsonObject(req);
        if (!(b.get("data") instanceof List<?> list)) throw LeverError.badRequest("Body must be {\"data\": [{id, url, configuration}]}");
        LeverAccount a = c.account();
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (a.lock) {
            List<Runnable> changes = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> raw)) throw LeverError.badRequest("Each webhook must be an object");
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) raw;
                String id = NewOpportunity.str(m, "id");
                Webhook w = id == null ? null : a.webhooks.get(id);
                if (w == null) throw LeverError.notFound("webhooks", String.valueOf(id));
                if (w.viaControl) throw LeverError.forbidden("Webhooks configured in the Lever UI cannot be edited through the API");
                String url = NewOpportunity.str(m, "url");
                if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
                    throw LeverError.badRequest("url must be an absolute https URL");
                }
                List<String> origins = m.containsKey("configuration") ? origins(m.get("configuration")) : w.origins;
                changes.add(() -> {
                    if (url != null) w.url = url;
                    w.origins = origins;
                    w.updatedAt = a.now();
                    out.add(LeverRender.webhook(w, false));
                });
            }
            changes.forEach(Runnable::run); // all or nothing: validate every entry first
        }
        return committed(c, res, ResponseEntity.ok(LeverPaging.all(out)));
    }

    @DeleteMapping("/webhooks/{webhookId}")
    ResponseEntity<Map<String, Object>> deleteWebhook(@RequestAttribute(LeverGate.CALLER) Caller c,
            @PathVariable String webhookId, HttpServletResponse res) throws IOException {
        requireScope(c, "webhooks:write:admin");
        LeverAccount a = c.account();
        synchronized (a.lock) {
            Webhook w = a.webhooks.get(webhookId);
            if (w == null) throw LeverError.notFound("webhooks", webhookId);
            if (w.viaControl) throw LeverError.forbidden("Webhooks configured in the Lever UI cannot be deleted through the API");
            a.webhooks.remove(webhookId);
        }
        return committed(c, res, ResponseEntity.noContent().build());
    }

    /** Unknown method or path: Lever answers 404 in its own error shape. */
    @RequestMapping("/**")
    Map<String, Object> unknown(HttpServletRequest req) {
        throw new LeverError(404, "ResourceNotFound", "Unknown method or path: " + req.getMethod() + " "
                + req.getRequestURI().substring(req.getRequestURI().indexOf("/v1/")));
    }

    // ================================================================ helpers

    /** The write happened; with "commit then drop" armed the caller never hears so. */
    private <T> ResponseEntity<T> committed(Caller c, HttpServletResponse res, ResponseEntity<T> answer) throws IOException {
        if (c.account().faults.takeCommitThenDrop()) throw ConnectionBreaker.breakConnection(res);
        return answer;
    }

    static void requireScope(Caller c, String scope) {
        if (!c.allows(scope)) throw LeverError.forbidden("The access token does not grant the " + scope + " scope");
    }

    /** OAuth apps act as the user who granted them when no perform_as is given. */
    private static String performAs(Caller c, MultiValueMap<String, String> q) {
        return q.getFirst("perform_as");
    }

    private static String performAsOptional(Caller c, MultiValueMap<String, String> q) {
        String p = q.getFirst("perform_as");
        return p == null || p.isBlank() ? null : p;
    }

    private <T> Predicate<T> confidentiality(Caller c, String raw, java.util.function.Function<T, String> of) {
        String v = raw == null ? "non-confidential" : raw;
        return switch (v) {
            case "non-confidential" -> t -> "non-confidential".equals(of.apply(t));
            case "confidential", "all" -> {
                if (!c.account().confidentialAccess || !c.allows("confidential:access:admin")) {
                    throw LeverError.forbidden("This API key does not have access to confidential data");
                }
                yield "all".equals(v) ? t -> true : t -> "confidential".equals(of.apply(t));
            }
            default -> throw LeverError.badRequest("Invalid confidentiality parameter: " + v);
        };
    }

    static Set<String> values(MultiValueMap<String, String> q, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : List.of(key, key + "[]")) {
            List<String> vs = q.get(k);
            if (vs != null) for (String v : vs) if (v != null && !v.isEmpty()) out.add(v);
        }
        return out;
    }

    private static Long timestamp(MultiValueMap<String, String> q, String key) {
        String v = q.getFirst(key);
        if (v == null) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw LeverError.badRequest("Invalid " + key + " parameter: must be a timestamp in milliseconds");
        }
    }

    private static long[] range(MultiValueMap<String, String> q, String prefix) {
        Long s = timestamp(q, prefix + "_start");
        Long e = timestamp(q, prefix + "_end");
        return s == null && e == null ? null : new long[] {s == null ? Long.MIN_VALUE : s, e == null ? Long.MAX_VALUE : e};
    }

    private static boolean within(long t, long[] range) {
        return range == null || (t >= range[0] && t <= range[1]);
    }

    private static Boolean bool(String v, String key) {
        if (v == null) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw LeverError.badRequest("Invalid " + key + " parameter: true or false");
        };
    }

    static Map<String, Object> data(Object d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", d);
        return m;
    }

    private static List<String> origins(Object configuration) {
        if (configuration == null) return null;
        if (!(configuration instanceof Map<?, ?> conf)) throw LeverError.badRequest("configuration must be an object");
        Object cond = conf.get("conditions");
        if (cond == null) return null;
        if (!(cond instanceof Map<?, ?> cm)) throw LeverError.badRequest("configuration.conditions must be an object");
        @SuppressWarnings("unchecked") Map<String, Object> cmap = (Map<String, Object>) cm;
        return cmap.get("origins") == null ? null : NewOpportunity.strings(cmap, "origins");
    }

    Map<String, Object> jsonObject(HttpServletRequest req) throws IOException {
        if (RawMultipartFilter.multipartType(req) != null) throw LeverError.badRequest("This endpoint takes a JSON body");
        byte[] bytes = Multipart.readLimited(req.getInputStream(), 1_048_576);
        if (bytes.length == 0) throw LeverError.badRequest("Request body must be a JSON object");
        try {
            Object o = json.readValue(bytes, Object.class);
            if (!(o instanceof Map<?, ?>)) throw LeverError.badRequest("Request body must be a JSON object");
            return json.convertValue(o, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw LeverError.badRequest("Request body is not valid JSON");
        }
    }

    private List<Multipart.Part> readParts(HttpServletRequest req, String type, long limit) throws IOException {
        if (req.getContentLengthLong() > limit) {
            Multipart.readLimited(req.getInputStream(), 0); // drain, so the client reads our 413 instead of a reset
            throw tooLarge();
        }
        byte[] body;
        try {
            body = Multipart.readLimited(req.getInputStream(), limit);
        } catch (Multipart.TooLarge e) {
            throw tooLarge();
        }
        try {
            List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(type));
            for (Multipart.Part p : parts) {
                if (p.isFile() && p.bytes().length > props.getMaxFileBytes()) throw tooLarge();
            }
            return parts;
        } catch (LeverError e) {
            throw e;
        } catch (IOException e) {
            throw LeverError.badRequest("Malformed multipart body: " + e.getMessage());
        }
    }

    private LeverError tooLarge() {
        return new LeverError(413, "RequestEntityTooLarge",
                "File exceeds the maximum upload size of " + props.getMaxFileBytes() / (1024 * 1024) + " MB");
    }

    /** Multipart form of POST /opportunities: arrays as repeated {@code x[]} or {@code x}, nested values in brackets. */
    private NewOpportunity fromMultipart(List<Multipart.Part> parts) {
        NewOpportunity n = new NewOpportunity();
        Map<Integer, Map<String, String>> phones = new TreeMap<>();
        for (Multipart.Part p : parts) {
            String name = p.name();
            if (p.isFile()) {
                if (name.equals("resumeFile")) {
                    n.resume = upload(p);
                } else if (name.equals("files") || name.equals("files[]")) {
                    n.files.add(upload(p));
                } else {
                    throw LeverError.badRequest("Unexpected file field: " + name);
                }
                continue;
            }
            String v = p.text();
            String base = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            switch (base) {
                case "name" -> n.name = v;
                case "headline" -> n.headline = v;
                case "stage" -> n.stage = v;
                case "location" -> n.location = v;
                case "origin" -> n.origin = v;
                case "owner" -> n.owner = v;
                case "contact" -> n.contact = v;
                case "opportunityLocation" -> n.opportunityLocation = v;
                case "createdAt" -> n.createdAt = NewOpportunity.num(v, "createdAt");
                case "emails" -> n.emails.add(v);
                case "links" -> n.links.add(v);
                case "tags" -> n.tags.add(v);
                case "sources" -> n.sources.add(v);
                case "followers" -> n.followers.add(v);
                case "postings" -> n.postings.add(v);
                case "phones" -> n.phones.addAll(phonesFromString(v));
                case "archived[archivedAt]" -> {
                    n.archived = n.archived == null ? new LinkedHashMap<>() : n.archived;
                    n.archivedAt = NewOpportunity.num(v, "archived[archivedAt]");
                }
                case "archived[reason]" -> {
                    n.archived = n.archived == null ? new LinkedHashMap<>() : n.archived;
                    n.archivedReason = v;
                }
                default -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("phones\\[(\\d+)]\\[(value|type)]").matcher(name);
                    if (m.matches()) {
                        phones.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>()).put(m.group(2), v);
                    }
                    // unknown fields are ignored, as Lever ignores keys it does not know
                }
            }
        }
        for (Map<String, String> ph : phones.values()) {
            if (ph.get("value") == null) throw LeverError.badRequest("phones[i][value] is required");
            n.phones.add(ph);
        }
        return n;
    }

    /** Some clients send each phone as a JSON string, others as the bare number. */
    private List<Map<String, String>> phonesFromString(String v) {
        String t = v.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                Object o = json.readValue(t, Object.class);
                Map<String, Object> wrapper = new LinkedHashMap<>();
                wrapper.put("phones", o instanceof List<?> ? o : List.of(o));
                return NewOpportunity.fromJson(wrapper).phones;
            } catch (JsonProcessingException e) {
                throw LeverError.badRequest("phones must be JSON {value, type} or a phone number");
            }
        }
        Map<String, String> ph = new LinkedHashMap<>();
        ph.put("value", v);
        ph.put("type", null);
        return List.of(ph);
    }

    private static NewOpportunity.Upload upload(Multipart.Part p) {
        String name = p.filename() == null || p.filename().isBlank() ? "upload" : p.filename();
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(p.bytes()));
            return new NewOpportunity.Upload(name, p.contentType(), p.bytes().length, sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
