package io.atsbridge.sandbox.lever;

import io.atsbridge.sandbox.lever.LeverModel.Application;
import io.atsbridge.sandbox.lever.LeverModel.ArchiveReason;
import io.atsbridge.sandbox.lever.LeverModel.Contact;
import io.atsbridge.sandbox.lever.LeverModel.FileRecord;
import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.Stage;
import io.atsbridge.sandbox.lever.LeverModel.StageChange;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.lever.LeverModel.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lever's JSON shapes (lever.md 6.1–6.4), field for field. Callers hold the account lock. {@code include} keeps only
 * the named fields (plus {@code id}); {@code expand} inlines referenced objects.
 */
final class LeverRender {
    private LeverRender() { }

    static Map<String, Object> posting(LeverAccount a, Posting p, Set<String> include, Set<String> expand) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("text", p.text);
        m.put("createdAt", p.createdAt);
        m.put("updatedAt", p.updatedAt);
        m.put("user", userRef(a, p.user, expand.contains("user")));
        m.put("owner", userRef(a, p.owner, expand.contains("owner")));
        m.put("hiringManager", userRef(a, p.hiringManager, expand.contains("hiringManager")));
        m.put("confidentiality", p.confidentiality);
        Map<String, Object> cat = new LinkedHashMap<>();
        cat.put("team", p.team);
        if (p.department != null) cat.put("department", p.department); // only when the company uses departments
        cat.put("location", p.location);
        cat.put("allLocations", new ArrayList<>(p.allLocations));
        cat.put("commitment", p.commitment);
        cat.put("level", p.level);
        m.put("categories", cat);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("description", p.description);
        content.put("descriptionHtml", p.descriptionHtml);
        List<Map<String, String>> lists = new ArrayList<>();
        for (Map<String, String> l : p.lists) lists.add(new LinkedHashMap<>(l));
        content.put("lists", lists);
        content.put("closing", p.closing);
        content.put("closingHtml", p.closingHtml);
        m.put("content", content);
        m.put("country", p.country);
        m.put("followers", expand.contains("followers")
                ? p.followers.stream().map(f -> userRef(a, f, true)).toList() : new ArrayList<>(p.followers));
        m.put("tags", new ArrayList<>(p.tags));
        m.put("state", p.state);
        m.put("distributionChannels", p.distributionChannels == null ? null : new ArrayList<>(p.distributionChannels));
        m.put("reqCode", p.reqCode);
        m.put("requisitionCodes", new ArrayList<>(p.requisitionCodes));
        if (p.salaryDescription != null) {
            m.put("salaryDescription", p.salaryDescription);
            m.put("salaryDescriptionHtml", p.salaryDescriptionHtml);
        }
        if (p.salaryRange != null) m.put("salaryRange", new LinkedHashMap<>(p.salaryRange));
        if (p.hasUrls) {
            Map<String, Object> urls = new LinkedHashMap<>();
            String base = "https://jobs.lever.co/" + a.site;
            urls.put("list", base);
            urls.put("show", base + "/" + p.id);
            urls.put("apply", base + "/" + p.id + "/apply");
            m.put("urls", urls);
        } else {
            m.put("urls", null);
        }
        m.put("workplaceType", p.workplaceType);
        return restrict(m, include);
    }

    static Map<String, Object> opportunity(LeverAccount a, Opportunity o, Set<String> include, Set<String> expand) {
        Contact c = a.contacts.get(o.contactId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id);
        m.put("name", c.name);
        m.put("headline", o.headline != null ? o.headline : c.headline);
        m.put("contact", expand.contains("contact") ? contact(c) : c.id);
        m.put("emails", new ArrayList<>(c.emails));
        m.put("phones", c.phones.stream().map(LinkedHashMap::new).toList());
        m.put("confidentiality", o.confidentiality);
        m.put("location", o.location != null ? o.location : c.location);
        m.put("links", new ArrayList<>(o.links));
        m.put("createdAt", o.createdAt);
        m.put("updatedAt", o.updatedAt);
        m.put("lastInteractionAt", o.lastInteractionAt);
        m.put("lastAdvancedAt", o.lastAdvancedAt);
        m.put("snoozedUntil", null);
        Stage st = a.stage(o.stage);
        m.put("stage", expand.contains("stage") && st != null ? stage(st) : o.stage);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (StageChange sc : o.stageChanges) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("toStageId", sc.toStageId);
            x.put("toStageIndex", sc.toStageIndex);
            x.put("updatedAt", sc.updatedAt);
            x.put("userId", sc.userId);
            changes.add(x);
        }
        m.put("stageChanges", changes);
        m.put("owner", userRef(a, o.owner, expand.contains("owner")));
        m.put("tags", new ArrayList<>(o.tags));
        m.put("sources", new ArrayList<>(o.sources));
        m.put("origin", o.origin);
        m.put("sourcedBy", userRef(a, o.sourcedBy, expand.contains("sourcedBy")));
        if (o.application == null) {
            m.put("applications", new ArrayList<>());
        } else if (expand.contains("applications")) {
            m.put("applications", List.of(application(a, o, o.application)));
        } else {
            m.put("applications", List.of(o.application.id));
        }
        m.put("followers", expand.contains("followers")
                ? o.followers.stream().map(f -> userRef(a, f, true)).toList() : new ArrayList<>(o.followers));
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("list", "https://hire.lever.co/candidates");
        urls.put("show", "https://hire.lever.co/candidates/" + o.id);
        m.put("urls", urls);
        m.put("dataProtection", null);
        m.put("isAnonymized", false);
        // recorded 2024 responses carry only `archived`, not the legacy archivedAt/archiveReason (lever.md 6.2)
        m.put("archived", o.archived == null ? null : o.archived.toMap());
        if (o.opportunityLocation != null) m.put("opportunityLocation", o.opportunityLocation);
        if (o.deletedAt != null) {
            m.put("deletedAt", o.deletedAt);
            m.put("deletedBy", o.deletedBy);
        }
        return restrict(m, include);
    }

    static Map<String, Object> application(LeverAccount a, Opportunity o, Application ap) {
        Contact c = a.contacts.get(o.contactId);
        Posting p = a.postings.get(ap.postingId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ap.id);
        m.put("type", ap.type);
        m.put("candidateId", o.id);
        m.put("opportunityId", o.id);
        m.put("posting", ap.postingId);
        m.put("postingHiringManager", p == null ? null : p.hiringManager);
        m.put("postingOwner", p == null ? null : p.owner);
        m.put("name", c.name);
        m.put("company", null);
        m.put("phone", c.phones.isEmpty() ? null : new LinkedHashMap<>(c.phones.get(0)));
        m.put("email", c.emails.isEmpty() ? null : c.emails.get(0));
        m.put("links", new ArrayList<>(o.links));
        m.put("comments", null);
        m.put("user", ap.user);
        m.put("customQuestions", new ArrayList<>());
        m.put("createdAt", ap.createdAt);
        m.put("archived", o.archived == null ? null : o.archived.toMap());
        m.put("requisitionForHire", null);
        return m;
    }

    static Map<String, Object> contact(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name);
        m.put("headline", c.headline);
        m.put("isAnonymized", false);
        m.put("location", c.location == null ? null : Map.of("name", c.location));
        m.put("emails", new ArrayList<>(c.emails));
        m.put("phones", c.phones.stream().map(LinkedHashMap::new).toList());
        return m;
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("name", u.name);
        m.put("username", u.username);
        m.put("email", u.email);
        m.put("createdAt", u.createdAt);
        m.put("deactivatedAt", u.deactivatedAt);
        m.put("externalDirectoryId", u.externalDirectoryId);
        m.put("accessRole", u.accessRole);
        m.put("photo", u.photo);
        m.put("linkedContactIds", null);
        m.put("jobTitle", u.jobTitle);
        m.put("managerId", u.managerId);
        return m;
    }

    static Map<String, Object> stage(Stage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("text", s.text);
        return m;
    }

    static Map<String, Object> archiveReason(ArchiveReason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("text", r.text);
        m.put("status", r.status);
        m.put("type", r.type);
        return m;
    }

    static Map<String, Object> file(FileRecord f, String oppId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id);
        m.put("downloadUrl", "https://api.lever.co/v1/opportunities/" + oppId + "/files/" + f.id + "/download");
        m.put("ext", f.ext);
        m.put("name", f.name);
        m.put("uploadedAt", f.uploadedAt);
        m.put("status", f.status);
        m.put("size", f.size);
        return m;
    }

    /** A webhook as GET /webhooks shows it; the signature token only when it was just created. */
    static Map<String, Object> webhook(Webhook w, boolean withToken) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id);
        m.put("url", w.url);
        m.put("event", w.event);
        m.put("createdAt", w.createdAt);
        m.put("updatedAt", w.updatedAt);
        Map<String, Object> conf = new LinkedHashMap<>();
        if (w.origins != null) conf.put("conditions", Map.of("origins", new ArrayList<>(w.origins)));
        if (withToken) conf.put("signatureToken", w.signatureToken);
        m.put("configuration", conf);
        return m;
    }

    private static Object userRef(LeverAccount a, String userId, boolean expand) {
        if (userId == null || !expand) return userId;
        User u = a.users.get(userId);
        return u == null ? userId : user(u);
    }

    /** {@code include} narrows the object to {@code id} and the named fields; unknown names are ignored. */
    private static Map<String, Object> restrict(Map<String, Object> m, Set<String> include) {
        if (include.isEmpty()) return m;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.get("id"));
        for (String f : include) {
            if (m.containsKey(f)) out.put(f, m.get(f));
        }
        return out;
    }
}
