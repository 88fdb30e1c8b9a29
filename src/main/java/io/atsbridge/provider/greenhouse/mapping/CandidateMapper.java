package io.atsbridge.provider.greenhouse.mapping;

import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest.Address;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest.Email;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest.PhoneNumber;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest.Url;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest.Website;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical {@link Candidate}/{@link BoardApplication} → Candidate Ingestion {@code POST /v1/partner/candidates} body,
 * and its answer → {@link AtsRefs} (fact sheet §1.3). A profile goes in as a prospect; an application as
 * {@code prospect: false} on the linked job. Missing required fields are refused here, before any call.
 */
public final class CandidateMapper {
    /** Hosts whose links Greenhouse shows as social media rather than websites. */
    private static final Set<String> SOCIAL_HOSTS = Set.of("linkedin.com", "twitter.com", "x.com", "github.com",
            "facebook.com", "instagram.com", "gitlab.com", "stackoverflow.com", "medium.com", "xing.com", "youtube.com");
    private static final Set<String> PHONE_TYPES = Set.of("mobile", "home", "work", "other");

    private CandidateMapper() { }

    /** "Send to ATS": the profile becomes a prospect. */
    public static PartnerCandidateRequest prospect(Candidate c) throws AtsException {
        return request(c, true, null);
    }

    /** An application on a linked Greenhouse job. */
    public static PartnerCandidateRequest application(BoardApplication a) throws AtsException {
        if (a.candidate() == null) {
            throw AtsException.refused("the application has no candidate");
        }
        if (a.atsJobId() == null || a.atsJobId().isBlank()) {
            throw AtsException.refused("the board job " + a.boardJobId() + " is not linked to a Greenhouse job");
        }
        long jobId;
        try {
            jobId = Long.parseLong(a.atsJobId().trim());
        } catch (NumberFormatException e) {
            throw AtsException.refused("the linked Greenhouse job id '" + a.atsJobId() + "' is not a Greenhouse job id (a number)");
        }
        return request(a.candidate(), false, jobId);
    }

    private static PartnerCandidateRequest request(Candidate c, boolean prospect, Long jobId) throws AtsException {
        if (blank(c.boardCandidateId())) {
            throw AtsException.refused("the candidate has no board id (Greenhouse requires external_id)");
        }
        if (blank(c.firstName()) || blank(c.lastName())) {
            throw AtsException.refused("Greenhouse requires a first and a last name");
        }
        List<Email> emails = new ArrayList<>();
        for (String e : c.emails()) {
            if (!blank(e)) {
                emails.add(new Email(e.trim(), "personal"));
            }
        }
        List<PhoneNumber> phones = new ArrayList<>();
        for (Candidate.Phone p : c.phones()) {
            if (p != null && !blank(p.value())) {
                phones.add(new PhoneNumber(p.value().trim(), phoneType(p.type())));
            }
        }
        List<Address> addresses = blank(c.location()) ? List.of() : List.of(new Address(c.location().trim(), "home"));
        List<Url> social = new ArrayList<>();
        List<Website> websites = new ArrayList<>();
        for (String link : c.links()) {
            if (blank(link)) {
                continue;
            }
            if (isSocial(link)) {
                social.add(new Url(link.trim()));
            } else {
                websites.add(new Website(link.trim(), "personal"));
            }
        }
        List<String> notes = new ArrayList<>();
        if (!blank(c.headline()) && !c.headline().trim().equalsIgnoreCase(trimOrEmpty(c.currentTitle()))) {
            notes.add("Headline: " + c.headline().trim());
        }
        String resumeUrl = null;
        if (c.resume() != null) {
            if (!blank(c.resume().url())) {
                resumeUrl = c.resume().url().trim();
            } else if (!blank(c.resume().contentBase64())) {
                // the Ingestion API only fetches resumes from a URL; say so in the profile instead of dropping it silently
                notes.add("A resume was provided on the board but could not be attached (Greenhouse Candidate Ingestion accepts resume URLs only).");
            }
        }
        if (!blank(c.notes())) {
            notes.add(c.notes().trim());
        }
        return new PartnerCandidateRequest(prospect, jobId, c.firstName().trim(), c.lastName().trim(),
                c.boardCandidateId().trim(), trimOrNull(c.currentCompany()), trimOrNull(c.currentTitle()), resumeUrl,
                phones, emails, addresses, social, websites, notes.isEmpty() ? null : String.join("\n\n", notes));
    }

    /** The ids Greenhouse gave back; {@code profileUrl} rides along for the board's "open in Greenhouse" link. */
    public static AtsRefs refs(PartnerCandidateResponse r) throws AtsException {
        if (r == null || blank(r.id())) {
            throw new AtsException(AtsException.Kind.AMBIGUOUS, 200,
                    "Greenhouse accepted the candidate but its answer carried no candidate id", null, null);
        }
        AtsRefs refs = AtsRefs.of(r.id(), blank(r.applicationId()) ? null : r.applicationId());
        return blank(r.profileUrl()) ? refs : refs.with("profileUrl", r.profileUrl());
    }

    static String phoneType(String type) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cell") || t.equals("mobile_phone")) {
            return "mobile";
        }
        return PHONE_TYPES.contains(t) ? t : "other";
    }

    static boolean isSocial(String link) {
        try {
            URI u = URI.create(link.trim().contains("://") ? link.trim() : "https://" + link.trim());
            String host = u.getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            for (String s : SOCIAL_HOSTS) {
                if (host.equals(s) || host.endsWith("." + s)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimOrNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private static String trimOrEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
