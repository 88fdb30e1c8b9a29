package io.atsbridge.provider.lever.mapping;

import io.atsbridge.core.model.Candidate;
import io.atsbridge.provider.lever.api.Multipart;
import io.atsbridge.provider.lever.api.OpportunityRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Canonical {@link Candidate} → Lever create request, and that request → JSON or multipart (providers/lever.md §6.2). */
public final class OpportunityMapper {
    private static final Set<String> PHONE_TYPES = Set.of("mobile", "home", "work", "skype", "other");

    private OpportunityMapper() { }

    /**
     * @param sourceName the board name (or the company's override): written as tag and source
     * @param origin {@code sourced} for profiles, the company's setting for applications
     * @param postingId the posting, or null for a profile export
     */
    public static OpportunityRequest fromCandidate(Candidate c, String sourceName, String origin, String postingId) {
        String email = c.primaryEmail();
        String name = c.fullName().isBlank() ? email : c.fullName();
        String headline = c.headline();
        if ((headline == null || headline.isBlank()) && c.currentTitle() != null) {
            headline = c.currentTitle() + (c.currentCompany() == null || c.currentCompany().isBlank() ? "" : " at " + c.currentCompany());
        }
        List<OpportunityRequest.Phone> phones = new ArrayList<>();
        for (Candidate.Phone p : c.phones()) {
            if (p != null && p.value() != null && !p.value().isBlank()) {
                phones.add(new OpportunityRequest.Phone(phoneType(p.type()), p.value().trim()));
            }
        }
        Set<String> links = new LinkedHashSet<>(c.links());
        OpportunityRequest.FileUpload resume = null;
        Candidate.Resume r = c.resume();
        if (r != null && r.contentBase64() != null && !r.contentBase64().isBlank()) {
            String fileName = r.fileName() == null || r.fileName().isBlank() ? "resume.pdf" : r.fileName();
            resume = new OpportunityRequest.FileUpload(fileName, mediaType(fileName), Base64.getMimeDecoder().decode(r.contentBase64()));
        } else if (r != null && r.url() != null && !r.url().isBlank()) {
            // Lever has no resume-by-URL field; the link keeps it one click away
            links.add(r.url());
        }
        List<String> labels = sourceName == null || sourceName.isBlank() ? List.of() : List.of(sourceName);
        return new OpportunityRequest(email, name, blankToNull(headline), blankToNull(c.location()), c.emails(), phones,
                new ArrayList<>(links), labels, labels, origin, postingId, resume);
    }

    /** The JSON body (no file). */
    public static Map<String, Object> json(OpportunityRequest o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        if (o.headline() != null) m.put("headline", o.headline());
        if (o.location() != null) m.put("location", o.location());
        m.put("emails", o.emails());
        m.put("phones", o.phones().stream().map(p -> Map.of("type", p.type(), "value", p.value())).toList());
        m.put("links", o.links());
        m.put("tags", o.tags());
        m.put("sources", o.sources());
        m.put("origin", o.origin());
        if (o.postingId() != null) m.put("postings", List.of(o.postingId()));
        return m;
    }

    /** The multipart body with {@code resumeFile}; arrays as repeated {@code name[]} fields, phones with brackets. */
    public static Multipart multipart(OpportunityRequest o) {
        Multipart m = new Multipart().field("name", o.name()).field("headline", o.headline()).field("location", o.location());
        o.emails().forEach(e -> m.field("emails[]", e));
        for (int i = 0; i < o.phones().size(); i++) {
            m.field("phones[" + i + "][type]", o.phones().get(i).type()).field("phones[" + i + "][value]", o.phones().get(i).value());
        }
        o.links().forEach(l -> m.field("links[]", l));
        o.tags().forEach(t -> m.field("tags[]", t));
        o.sources().forEach(s -> m.field("sources[]", s));
        m.field("origin", o.origin());
        if (o.postingId() != null) {
            m.field("postings[]", o.postingId());
        }
        if (o.resume() != null) {
            m.file("resumeFile", o.resume().fileName(), o.resume().contentType(), o.resume().content());
        }
        return m;
    }

    static String phoneType(String t) {
        String s = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
        return PHONE_TYPES.contains(s) ? s : "cell".equals(s) ? "mobile" : "other";
    }

    public static String mediaType(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".pdf")) return "application/pdf";
        if (f.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (f.endsWith(".doc")) return "application/msword";
        if (f.endsWith(".txt")) return "text/plain";
        return "application/octet-stream";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
