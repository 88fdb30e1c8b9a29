package io.atsbridge.sandbox.lever;

import io.atsbridge.sandbox.lever.LeverModel.Application;
import io.atsbridge.sandbox.lever.LeverModel.ArchiveReason;
import io.atsbridge.sandbox.lever.LeverModel.Archived;
import io.atsbridge.sandbox.lever.LeverModel.Contact;
import io.atsbridge.sandbox.lever.LeverModel.FileRecord;
import io.atsbridge.sandbox.lever.LeverModel.Note;
import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.Stage;
import io.atsbridge.sandbox.lever.LeverModel.StageChange;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.lever.LeverModel.Webhook;
import io.atsbridge.sandbox.support.FaultPlan;
import io.atsbridge.sandbox.support.SimClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One simulated Lever account (one customer company): its postings, candidates, users, pipeline, webhooks and the
 * faults it should suffer. Every read and write of its records holds {@link #lock}; state changes that Lever
 * announces by webhook go to the {@link LeverEvents} sink.
 */
final class LeverAccount {
    /** Memory bounds: a sandbox account is a test fixture, not a database. */
    static final int MAX_OPPORTUNITIES = 50_000;
    static final int MAX_MANUAL_POSTINGS = 5_000;
    static final int MAX_NOTES_PER_OPPORTUNITY = 1_000;
    static final int MAX_FILES_PER_OPPORTUNITY = 200;
    static final Set<String> POSTING_STATES = Set.of("published", "internal", "closed", "draft", "pending", "rejected");
    static final Set<String> ORIGINS = Set.of("agency", "applied", "internal", "referred", "sourced", "university");
    static final Set<String> WEBHOOK_EVENTS = Set.of("applicationCreated", "candidateStageChange", "candidateHired",
            "candidateArchiveChange", "candidateDeleted", "interviewCreated", "interviewUpdated", "interviewDeleted",
            "contactCreated", "contactUpdated");
    private static final SecureRandom RANDOM = new SecureRandom();

    final Object lock = new Object();
    final String id;
    final String site;
    final SimClock clock;
    final FaultPlan faults = new FaultPlan();
    final LeverEvents events;
    /** Keys are stored only as SHA-256 digests by the registry; this counts them for the control API. */
    final Set<String> keyDigests = ConcurrentHashMap.newKeySet();
    volatile boolean confidentialAccess = false;
    volatile double ratePerSecond = 10;
    volatile int rateBurst = 20;
    volatile boolean rateLimitDisabled = false;
    volatile java.time.Duration accessTtl = java.time.Duration.ofHours(1);
    /** Event groups a Super Admin toggled on (lever.md 6.4); the sandbox starts with all on. */
    final Map<String, Boolean> eventGroups = new ConcurrentHashMap<>();

    final Map<String, Posting> postings = new LinkedHashMap<>();
    final Map<String, Long> deletedPostings = new LinkedHashMap<>();
    final Map<String, Opportunity> opportunities = new LinkedHashMap<>();
    final Map<String, Contact> contacts = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final List<Stage> stages = new ArrayList<>();
    final List<ArchiveReason> archiveReasons = new ArrayList<>();
    final Map<String, Webhook> webhooks = new LinkedHashMap<>();

    LeverAccount(String id, String site, SimClock clock, LeverEvents events) {
        this.id = id;
        this.site = site;
        this.clock = clock;
        this.events = events;
        for (String e : WEBHOOK_EVENTS) eventGroups.put(e, true);
    }

    long now() { return clock.millis(); }

    static String uuid() { return UUID.randomUUID().toString(); }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String canonicalEmail(String e) {
        return e == null ? null : e.trim().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- lookups (callers hold the lock)

    Posting posting(String postingId) {
        Posting p = postings.get(postingId);
        if (p == null) throw LeverError.notFound("postings", postingId);
        return p;
    }

    Opportunity opportunity(String oppId) {
        Opportunity o = opportunities.get(oppId);
        if (o == null || o.deletedAt != null) throw LeverError.notFound("opportunities", oppId);
        return o;
    }

    Stage stage(String stageId) {
        return stages.stream().filter(s -> s.id.equals(stageId)).findFirst().orElse(null);
    }

    int stageIndex(String stageId) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).id.equals(stageId)) return i;
        return -1;
    }

    ArchiveReason archiveReason(String reasonId) {
        return archiveReasons.stream().filter(r -> r.id.equals(reasonId)).findFirst().orElse(null);
    }

    ArchiveReason hiredReason() {
        return archiveReasons.stream().filter(r -> "hired".equals(r.type)).findFirst().orElseThrow();
    }

    /** The active user a {@code perform_as} names; Lever refuses unknown or deactivated users. */
    User performer(String userId, boolean required) {
        if (userId == null || userId.isBlank()) {
            if (required) throw LeverError.badRequest("Missing required query parameter: perform_as");
            return null;
        }
        User u = users.get(userId);
        if (u == null || u.deactivatedAt != null) {
            throw LeverError.forbidden("perform_as user " + userId + " is not an active user in this account");
        }
        return u;
    }

    User firstSuperAdmin() {
        return users.values().stream().filter(u -> u.deactivatedAt == null && "super admin".equals(u.accessRole))
                .findFirst().orElse(null);
    }

    List<Opportunity> liveOpportunities() {
        return opportunities.values().stream().filter(o -> o.deletedAt == null).toList();
    }

    // ---------------------------------------------------------------- postings (control API mutations)

    Posting addPosting(Posting p) {
        if (p.id == null) p.id = uuid();
        long now = now();
        if (p.createdAt == 0) p.createdAt = now;
        if (p.updatedAt == 0) p.updatedAt = p.createdAt;
        postings.put(p.id, p);
        deletedPostings.remove(p.id);
        return p;
    }

    /** Moves a posting to another state; closing also clears urls and channels, as seen on real closed postings. */
    Posting setPostingState(String postingId, String state) {
        if (!POSTING_STATES.contains(state)) throw LeverError.badRequest("Invalid posting state: " + state);
        Posting p = posting(postingId);
        p.state = state;
        if ("closed".equals(state)) {
            p.hasUrls = false;
            p.distributionChannels = null;
        } else if ("published".equals(state) || "internal".equals(state)) {
            p.hasUrls = true;
            if (p.distributionChannels == null) {
                p.distributionChannels = new ArrayList<>("published".equals(state) ? List.of("public", "internal") : List.of("internal"));
            }
        }
        p.updatedAt = Math.max(now(), p.updatedAt + 1);
        return p;
    }

    void deletePosting(String postingId) {
        posting(postingId);
        postings.remove(postingId);
        deletedPostings.put(postingId, now());
        if (deletedPostings.size() > 50_000) deletedPostings.remove(deletedPostings.keySet().iterator().next());
    }

    // ---------------------------------------------------------------- opportunities

    record Created(Opportunity opportunity, boolean deduped) { }

    /** POST /opportunities, after the controller turned JSON or multipart into {@link NewOpportunity}. */
    Created createOpportunity(NewOpportunity in, String performAs, boolean postingOwner) {
        User actor = performer(performAs, true);
        if (opportunities.size() >= MAX_OPPORTUNITIES) {
            throw new LeverError(503, "ServiceUnavailable", "This sandbox account holds its maximum of "
                    + MAX_OPPORTUNITIES + " opportunities; open a new account");
        }
        if (in.postings.size() > 1) {
            throw LeverError.badRequest("Only one posting may be specified per opportunity; send one request per posting");
        }
        Posting posting = null;
        if (!in.postings.isEmpty()) {
            posting = postings.get(in.postings.get(0));
            if (posting == null) throw LeverError.badRequest("Posting " + in.postings.get(0) + " was not found");
        }
        if (postingOwner && posting == null) {
            throw LeverError.badRequest("perform_as_posting_owner requires exactly one posting in postings");
        }
        String stageId = in.stage == null ? "lead-new" : in.stage;
        if (stage(stageId) == null) throw LeverError.badRequest("Stage " + stageId + " was not found");
        if (in.origin != null && !ORIGINS.contains(in.origin)) {
            throw LeverError.badRequest("Invalid origin: " + in.origin + " (one of " + String.join(", ", sorted(ORIGINS)) + ")");
        }
        long now = now();
        if (in.createdAt != null && in.createdAt > now) throw LeverError.badRequest("createdAt cannot be in the future");
        Archived archived = null;
        if (in.archived != null) {
            if (in.archivedReason == null) throw LeverError.badRequest("archived.reason is required");
            if (archiveReason(in.archivedReason) == null) {
                throw LeverError.badRequest("Archive reason " + in.archivedReason + " was not found");
            }
            long at = in.archivedAt == null ? now : in.archivedAt;
            if (in.createdAt != null && in.createdAt > at) throw LeverError.badRequest("createdAt must precede archived.archivedAt");
            archived = new Archived(at, in.archivedReason);
        }
        for (String f : in.followers) {
            if (!users.containsKey(f)) throw LeverError.badRequest("Follower " + f + " was not found");
        }
        if (in.owner != null && !users.containsKey(in.owner)) throw LeverError.badRequest("Owner " + in.owner + " was not found");
        for (Map<String, String> ph : in.phones) {
            String t = ph.get("type");
            if (t != null && !Set.of("mobile", "home", "work", "skype", "other").contains(t)) {
                throw LeverError.badRequest("Invalid phone type: " + t);
            }
        }

        Contact contact = null;
        if (in.contact != null) {
            contact = contacts.get(in.contact);
            if (contact == null) throw LeverError.badRequest("Contact " + in.contact + " was not found");
        }
        boolean deduped = contact != null;
        if (contact == null) {
            for (String e : in.emails) {
                contact = findContactByEmail(e);
                if (contact != null) {
                    deduped = true;
                    break;
                }
            }
        }
        boolean newContact = contact == null;
        if (contact == null) {
            contact = new Contact();
            contact.id = uuid();
            contact.name = in.name;
            contact.headline = in.headline;
            contact.location = in.location;
            contact.emails.addAll(distinct(in.emails));
            for (Map<String, String> ph : in.phones) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("type", ph.getOrDefault("type", "other") == null ? "other" : ph.getOrDefault("type", "other"));
                p.put("value", ph.get("value"));
                contact.phones.add(p);
            }
            contact.links.addAll(distinct(in.links));
            contacts.put(contact.id, contact);
        }

        Opportunity o = new Opportunity();
        o.id = uuid();
        o.contactId = contact.id;
        o.headline = in.headline;
        o.location = in.location;
        o.stage = stageId;
        o.createdAt = in.createdAt == null ? now : in.createdAt;
        o.updatedAt = now;
        o.lastInteractionAt = now;
        o.lastAdvancedAt = o.createdAt;
        o.stageChanges.add(new StageChange(stageId, stageIndex(stageId), actor.id, o.createdAt));
        o.archived = archived;
        o.tags.addAll(distinct(in.tags));
        o.sources.addAll(distinct(in.sources));
        o.links.addAll(distinct(in.links));
        o.origin = in.origin == null ? "sourced" : in.origin;
        o.sourcedBy = actor.id;
        o.owner = postingOwner ? (posting.owner != null ? posting.owner : actor.id) : (in.owner != null ? in.owner : actor.id);
        o.followers.addAll(in.followers.isEmpty() ? List.of(o.owner) : distinct(in.followers));
        o.opportunityLocation = in.opportunityLocation;
        if (posting != null) {
            Application a = new Application();
            a.id = uuid();
            a.opportunityId = o.id;
            a.postingId = posting.id;
            a.user = actor.id;
            a.createdAt = o.createdAt;
            o.application = a;
            if ("confidential".equals(posting.confidentiality)) o.confidentiality = "confidential";
        }
        for (NewOpportunity.Upload up : in.files) {
            o.files.add(fileRecord(up));
        }
        opportunities.put(o.id, o);

        if (newContact) events.emit(this, "contactCreated", o, Map.of("contactId", contact.id));
        if (o.application != null) {
            Map<String, Object> data = ids(o);
            data.put("applicationId", o.application.id);
            events.emit(this, "applicationCreated", o, data);
        }
        return new Created(o, deduped);
    }

    Contact findContactByEmail(String email) {
        String c = canonicalEmail(email);
        if (c == null || c.isEmpty()) return null;
        for (Contact ct : contacts.values()) {
            for (String e : ct.emails) if (c.equals(canonicalEmail(e))) return ct;
        }
        return null;
    }

    Opportunity changeStage(String oppId, String stageId, String performAs) {
        User actor = performer(performAs, false);
        Opportunity o = opportunity(oppId);
        if (stageId == null || stageId.isBlank()) throw LeverError.badRequest("Missing required field: stage");
        if (stage(stageId) == null) throw LeverError.notFound("stages", stageId);
        String from = o.stage;
        long now = now();
        o.stage = stageId;
        o.stageChanges.add(new StageChange(stageId, stageIndex(stageId), actor == null ? null : actor.id, now));
        o.updatedAt = now;
        o.lastAdvancedAt = now;
        if (!stageId.equals(from)) {
            Map<String, Object> data = ids(o);
            data.put("fromStageId", from);
            data.put("toStageId", stageId);
            events.emit(this, "candidateStageChange", o, data);
        }
        return o;
    }

    /** Archives with a reason, or un-archives with null; a hired-type reason also announces {@code candidateHired}. */
    Opportunity setArchived(String oppId, String reasonId, String performAs) {
        performer(performAs, false);
        Opportunity o = opportunity(oppId);
        ArchiveReason reason = null;
        if (reasonId != null) {
            reason = archiveReason(reasonId);
            if (reason == null) throw LeverError.notFound("archive_reasons", reasonId);
        }
        Archived from = o.archived;
        long now = now();
        o.archived = reason == null ? null : new Archived(now, reason.id);
        o.updatedAt = now;
        boolean changed = !(from == null && o.archived == null)
                && !(from != null && o.archived != null && from.reason.equals(o.archived.reason));
        if (changed) {
            if (reason != null && "hired".equals(reason.type)) {
                events.emit(this, "candidateHired", o, ids(o));
            }
            Map<String, Object> data = ids(o);
            data.put("fromArchived", from == null ? null : from.toMap());
            data.put("toArchived", o.archived == null ? null : o.archived.toMap());
            events.emit(this, "candidateArchiveChange", o, data);
        }
        return o;
    }

    Opportunity editList(String oppId, String field, List<String> values, boolean add, String performAs) {
        performer(performAs, false);
        Opportunity o = opportunity(oppId);
        List<String> target = switch (field) {
            case "tags" -> o.tags;
            case "sources" -> o.sources;
            case "links" -> o.links;
            default -> throw new IllegalArgumentException(field);
        };
        if (add) {
            for (String v : values) if (!target.contains(v)) target.add(v);
        } else {
            target.removeAll(values);
        }
        o.updatedAt = now();
        return o;
    }

    FileRecord addFile(String oppId, NewOpportunity.Upload up, String performAs) {
        performer(performAs, true);
        Opportunity o = opportunity(oppId);
        if (o.files.size() >= MAX_FILES_PER_OPPORTUNITY) throw LeverError.badRequest("Too many files on this opportunity");
        FileRecord f = fileRecord(up);
        o.files.add(f);
        o.updatedAt = now();
        return f;
    }

    Note addNote(String oppId, String value, boolean secret, Integer score, Long createdAt, String parentNoteId,
                 String performAs) {
        User actor = performer(performAs, false);
        Opportunity o = opportunity(oppId);
        if (value == null || value.isBlank()) throw LeverError.badRequest("Missing required field: value");
        if (o.notes.size() >= MAX_NOTES_PER_OPPORTUNITY) throw LeverError.badRequest("Too many notes on this opportunity");
        if (score != null && (score < 1 || score > 4)) throw LeverError.badRequest("score must be between 1 and 4");
        long now = now();
        if (createdAt != null && createdAt > now) throw LeverError.badRequest("createdAt cannot be in the future");
        if (parentNoteId != null && o.notes.stream().noneMatch(n -> n.id.equals(parentNoteId))) {
            throw LeverError.notFound("notes", parentNoteId);
        }
        Note n = new Note();
        n.id = uuid();
        n.value = value;
        n.secret = secret;
        n.score = score;
        n.user = actor == null ? null : actor.id;
        n.createdAt = createdAt == null ? now : createdAt;
        n.parentNoteId = parentNoteId;
        o.notes.add(n);
        o.updatedAt = now;
        o.lastInteractionAt = now;
        return n;
    }

    void deleteOpportunity(String oppId, String performAs) {
        User actor = performer(performAs, false);
        Opportunity o = opportunity(oppId);
        o.deletedAt = now();
        o.deletedBy = actor == null ? null : actor.id;
        Map<String, Object> data = ids(o);
        data.put("userId", o.deletedBy);
        events.emit(this, "candidateDeleted", o, data);
    }

    private FileRecord fileRecord(NewOpportunity.Upload up) {
        FileRecord f = new FileRecord();
        f.id = uuid();
        f.name = up.filename();
        int dot = up.filename().lastIndexOf('.');
        f.ext = dot >= 0 ? up.filename().substring(dot).toLowerCase(Locale.ROOT) : "";
        f.size = up.size();
        f.uploadedAt = now();
        f.sha256 = up.sha256();
        f.contentType = up.contentType();
        // docs: docx, doc, js, jpg, png, pdf, txt are accepted; images are stored but not parsed
        f.status = switch (f.ext) {
            case ".pdf", ".doc", ".docx", ".txt", ".js" -> "processed";
            case ".jpg", ".jpeg", ".png" -> "unsupported";
            default -> throw LeverError.badRequest("Unsupported file type '" + f.ext
                    + "'; supported: docx, doc, js, jpg, png, pdf, txt");
        };
        return f;
    }

    static Map<String, Object> ids(Opportunity o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("opportunityId", o.id);
        m.put("candidateId", o.id);
        m.put("contactId", o.contactId);
        return m;
    }

    // ---------------------------------------------------------------- webhooks

    Webhook addWebhook(String url, String event, List<String> origins, boolean viaControl) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw LeverError.badRequest("url must be an absolute https URL");
        }
        if (event == null || !WEBHOOK_EVENTS.contains(event)) throw LeverError.badRequest("Invalid event: " + event);
        if (origins != null) {
            for (String o : origins) if (!ORIGINS.contains(o)) throw LeverError.badRequest("Invalid origin condition: " + o);
        }
        if (webhooks.size() >= 200) throw LeverError.badRequest("Too many webhooks in this account");
        Webhook w = new Webhook();
        w.id = uuid();
        w.url = url;
        w.event = event;
        w.createdAt = now();
        w.updatedAt = w.createdAt;
        w.origins = origins == null ? null : new ArrayList<>(origins);
        w.signatureToken = randomToken(24);
        w.viaControl = viaControl;
        webhooks.put(w.id, w);
        return w;
    }

    // ---------------------------------------------------------------- helpers

    static <T> List<T> filter(Collection<T> items, Predicate<T> p) {
        return items.stream().filter(p).toList();
    }

    static List<String> distinct(List<String> in) {
        return new ArrayList<>(new LinkedHashSet<>(in));
    }

    static List<String> sorted(Collection<String> c) {
        return c.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
