package io.atsbridge.sandbox.greenhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the documented shapes (fact sheet §1, §3, §4) from state. Called under the account lock; returns plain maps.
 * The known inconsistencies are reproduced on purpose: {@code source} is {@code {id,name}} on creation events and
 * {@code {id,public_name}} on prospect, reject, unreject and hire events (as in the documented examples), {@code hire_candidate} is reduced (no status, no current_stage), an office
 * {@code location} is a string in webhooks but {@code {name}} in Harvest-style jobs, and {@code job_post_deleted} nests the post.
 */
final class GhPayloads {
    private GhPayloads() { }

    static String profileUrl(GhModel.Candidate c, GhModel.Application app) {
        String base = "https://app.greenhouse.io/people/" + c.id;
        return app == null ? base : base + "?application_id=" + app.id;
    }

    // ---- Ingestion ----

    static Map<String, Object> currentUser(GhModel.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("full_name", u.name());
        m.put("first_name", u.firstName);
        m.put("last_name", u.lastName);
        m.put("email", u.email);
        m.put("id", u.id);
        return m;
    }

    static Map<String, Object> partnerJob(GhAccount a, GhModel.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("name", j.name);
        m.put("status", "open");
        m.put("public", a.hasLivePost(j));
        return m;
    }

    static Map<String, Object> partnerCandidate(GhAccount a, GhModel.Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name());
        m.put("external_id", c.externalId);
        List<Object> apps = new ArrayList<>();
        for (Long appId : c.applicationIds) {
            GhModel.Application app = a.applications.get(appId);
            if (app == null) {
                continue;
            }
            GhModel.Job job = app.jobId == null ? null : a.jobs.get(app.jobId);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", app.id);
            x.put("job", job == null ? null : job.name);
            x.put("status", app.status);
            x.put("stage", app.stage != null ? app.stage.name : app.poolStage != null ? app.poolStage.name : null);
            x.put("profile_url", profileUrl(c, app));
            apps.add(x);
        }
        m.put("applications", apps);
        return m;
    }

    // ---- Job Board API ----

    static Map<String, Object> boardJob(GhAccount a, GhModel.JobPost p, boolean content) {
        GhModel.Job job = p.jobId == null ? null : a.jobs.get(p.jobId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("absolute_url", "https://job-boards.greenhouse.io/" + a.boardToken + "/jobs/" + p.id);
        Map<String, Object> gdpr = new LinkedHashMap<>();
        gdpr.put("type", "gdpr");
        gdpr.put("requires_consent", false);
        gdpr.put("requires_processing_consent", false);
        gdpr.put("requires_retention_consent", false);
        gdpr.put("retention_period", null);
        m.put("data_compliance", List.of(gdpr));
        m.put("internal_job_id", job == null ? null : job.id);
        m.put("location", Map.of("name", p.location));
        m.put("metadata", null);
        m.put("id", p.id);
        m.put("updated_at", GhTime.board(p.updatedAt));
        m.put("requisition_id", job == null ? null : job.requisitionId);
        m.put("title", p.title);
        m.put("company_name", a.companyName);
        m.put("first_published", GhTime.board(p.firstPublishedAt));
        m.put("language", "en");
        if (content) {
            m.put("content", GhJson.entityEscape(p.content));
            List<Object> depts = new ArrayList<>();
            List<Object> offices = new ArrayList<>();
            if (job != null && job.department != null) {
                depts.add(boardDepartment(job.department));
            }
            if (job != null && job.office != null) {
                offices.add(boardOffice(job.office));
            }
            m.put("departments", depts);
            m.put("offices", offices);
        }
        return m;
    }

    static Map<String, Object> boardDepartment(GhModel.Department d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("name", d.name);
        m.put("parent_id", d.parentId);
        m.put("child_ids", List.of());
        return m;
    }

    static Map<String, Object> boardOffice(GhModel.Office o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id);
        m.put("name", o.name);
        m.put("location", o.location);
        m.put("parent_id", o.parentId);
        m.put("child_ids", List.of());
        return m;
    }

    // ---- Webhooks ----

    /** Full application payload (§4.6). {@code publicName} picks the {@code source} spelling for this event. */
    static Map<String, Object> application(GhAccount a, GhModel.Application app, boolean publicName) {
        GhModel.Candidate c = a.candidates.get(app.candidateId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", app.id);
        m.put("rejected_at", GhTime.iso(app.rejectedAt));
        m.put("prospect", app.prospect);
        m.put("status", app.status);
        m.put("applied_at", GhTime.iso(app.appliedAt));
        m.put("last_activity_at", GhTime.iso(app.lastActivityAt));
        m.put("url", c == null ? null : profileUrl(c, app));
        m.put("source", source(app.source, publicName));
        m.put("credited_to", creditedTo(app.creditedTo));
        m.put("rejection_reason", rejectionReason(app.rejectionReason));
        m.put("rejection_details", app.rejectionReason == null ? null : Map.of("custom_fields", Map.of()));
        m.put("current_stage", app.stage == null ? null : stage(app.stage));
        Map<String, Object> pd = new LinkedHashMap<>();
        pd.put("prospect_pool", app.pool == null ? null : idName(app.pool.id, app.pool.name));
        pd.put("prospect_stage", app.poolStage == null ? null : idName(app.poolStage.id, app.poolStage.name));
        pd.put("prospect_owner", app.prospectOwner == null ? null : idName(app.prospectOwner.id, app.prospectOwner.name()));
        m.put("prospect_detail", pd);
        m.put("custom_fields", Map.of());
        m.put("candidate", c == null ? null : candidate(c));
        m.put("jobs", jobsOf(a, app));
        return m;
    }

    /** hire_candidate's reduced application: no status, no current_stage, source spelled public_name (fact sheet §4.5). */
    static Map<String, Object> hiredApplication(GhAccount a, GhModel.Application app) {
        GhModel.Candidate c = a.candidates.get(app.candidateId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", app.id);
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("opening_id", app.jobId == null ? null : "OPEN-" + app.jobId);
        opening.put("custom_fields", Map.of());
        m.put("opening", opening);
        m.put("credited_to", creditedTo(app.creditedTo));
        m.put("source", source(app.source, true));
        m.put("url", c == null ? null : profileUrl(c, app));
        m.put("candidate", c == null ? null : candidate(c));
        List<Object> jobs = jobsOf(a, app);
        GhModel.Job j = app.jobId == null ? null : a.jobs.get(app.jobId);
        m.put("job", j == null ? null : deprecatedJob(j));
        m.put("jobs", jobs);
        m.put("custom_fields", Map.of());
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("id", app.offerId);
        offer.put("version", 1);
        offer.put("created_at", GhTime.iso(app.offerCreatedAt));
        offer.put("sent_at", GhTime.iso(app.offerCreatedAt));
        offer.put("resolved_at", GhTime.iso(app.lastActivityAt));
        offer.put("starts_at", app.lastActivityAt == null ? null
                : app.lastActivityAt.plusSeconds(30L * 86400).toString().substring(0, 10));
        offer.put("custom_fields", Map.of());
        m.put("offer", offer);
        return m;
    }

    /** hire_candidate's deprecated {@code job}: open_date/close_date instead of opened_at/closed_at. */
    private static Map<String, Object> deprecatedJob(GhModel.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("name", j.name);
        m.put("open_date", GhTime.iso(j.openedAt));
        m.put("close_date", GhTime.iso(j.closedAt));
        m.put("requisition_id", j.requisitionId);
        m.put("departments", j.department == null ? List.of() : List.of(deptRef(j.department)));
        m.put("offices", j.office == null ? List.of() : List.of(officeRef(j.office)));
        m.put("custom_fields", Map.of());
        return m;
    }

    static Map<String, Object> candidate(GhModel.Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("first_name", c.firstName);
        m.put("last_name", c.lastName);
        m.put("title", c.title);
        m.put("company", c.company);
        m.put("created_at", GhTime.iso(c.createdAt));
        m.put("external_id", c.externalId);
        m.put("photo_url", null);
        m.put("url", profileUrl(c, null));
        m.put("is_private", false);
        m.put("can_email", true);
        m.put("phone_numbers", c.phoneNumbers);
        m.put("email_addresses", c.emailAddresses);
        m.put("addresses", c.addresses);
        m.put("website_addresses", c.websiteAddresses);
        m.put("social_media_addresses", c.socialMediaAddresses);
        m.put("educations", List.of());
        m.put("employments", List.of());
        m.put("recruiter", c.recruiter == null ? null : userRef(c.recruiter));
        m.put("coordinator", c.coordinator == null ? null : userRef(c.coordinator));
        List<Object> att = new ArrayList<>();
        if (c.resumeUrl != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("filename", "resume.pdf");
            r.put("url", c.resumeUrl);
            r.put("type", "resume");
            att.add(r);
        }
        m.put("attachments", att);
        m.put("tags", List.of());
        m.put("custom_fields", Map.of());
        return m;
    }

    static List<Object> jobsOf(GhAccount a, GhModel.Application app) {
        List<Object> jobs = new ArrayList<>();
        GhModel.Job j = app.jobId == null ? null : a.jobs.get(app.jobId);
        if (j != null) {
            jobs.add(webhookJobSummary(a, j));
        }
        return jobs;
    }

    /** jobs[] entry of application payloads: offices[].location is a string here. */
    static Map<String, Object> webhookJobSummary(GhAccount a, GhModel.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("name", j.name);
        m.put("requisition_id", j.requisitionId);
        m.put("notes", j.notes);
        m.put("confidential", j.confidential);
        GhModel.JobPost p = a.firstPost(j);
        m.put("job_post_id", p == null ? null : p.id);
        m.put("status", j.status);
        m.put("created_by_id", j.createdById);
        m.put("created_at", GhTime.iso(j.createdAt));
        m.put("opened_at", GhTime.iso(j.openedAt));
        m.put("closed_at", GhTime.iso(j.closedAt));
        m.put("departments", j.department == null ? List.of() : List.of(deptRef(j.department)));
        m.put("offices", j.office == null ? List.of() : List.of(officeRef(j.office)));
        m.put("custom_fields", Map.of());
        return m;
    }

    /** job_created / job_updated: the webhook job (hiring_team members as {user_id, employee_id}, openings). */
    static Map<String, Object> fullJob(GhAccount a, GhModel.Job j) {
        Map<String, Object> m = webhookJobSummary(a, j);
        m.remove("custom_fields");
        Map<String, Object> team = new LinkedHashMap<>();
        List<Object> managers = new ArrayList<>();
        List<Object> recruiters = new ArrayList<>();
        for (GhModel.User u : a.users.values()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("user_id", u.id);
            member.put("employee_id", u.employeeId);
            if (u.email.startsWith("hank.")) {
                managers.add(member);
            } else if (u.email.startsWith("rita.")) {
                recruiters.add(member);
            }
        }
        team.put("hiring_managers", managers);
        team.put("sourcers", List.of());
        team.put("recruiters", recruiters);
        team.put("coordinators", List.of());
        m.put("hiring_team", team);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", j.id + 1_000_000_000L);
        o.put("opening_id", "OPEN-" + j.id);
        o.put("custom_fields", List.of());
        m.put("openings", List.of(o));
        m.put("custom_fields", Map.of());
        return m;
    }

    /** job_post_created / job_post_updated: flat post, location a string, no job_id key for a prospect post. */
    static Map<String, Object> flatPost(GhModel.JobPost p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("title", p.title);
        m.put("location", p.location);
        m.put("content", p.content);
        m.put("internal_content", p.internalContent);
        m.put("updated_at", GhTime.isoMillis(p.updatedAt));
        if (p.jobId != null) {
            m.put("job_id", p.jobId);
        }
        m.put("external", p.external);
        m.put("internal", p.internal);
        m.put("live", p.live);
        List<Object> qs = new ArrayList<>();
        for (String label : List.of("LinkedIn Profile", "Website", "How did you hear about this job?")) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("required", false);
            q.put("private", false);
            q.put("label", label);
            q.put("type", "input_text");
            q.put("values", List.of());
            qs.add(q);
        }
        m.put("questions", qs);
        return m;
    }

    static Map<String, Object> deletedPerson(GhModel.Candidate c, List<Long> deletedApplicationIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("first_name", c.firstName);
        m.put("last_name", c.lastName);
        m.put("company", c.company);
        m.put("title", c.title);
        m.put("created_at", GhTime.iso(c.createdAt));
        m.put("headline", null);
        m.put("is_private", false);
        m.put("recruiter_user_id", c.recruiter == null ? null : c.recruiter.id);
        m.put("coordinator_user_id", c.coordinator == null ? null : c.coordinator.id);
        m.put("can_email", true);
        m.put("deleted_application_ids", deletedApplicationIds);
        return m;
    }

    private static Map<String, Object> source(GhModel.Source s, boolean publicName) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put(publicName ? "public_name" : "name", s.name);
        return m;
    }

    private static Map<String, Object> creditedTo(GhModel.User u) {
        if (u == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("email", u.email);
        m.put("name", u.name());
        m.put("employee_id", u.employeeId);
        return m;
    }

    private static Map<String, Object> rejectionReason(GhModel.RejectionReason r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("name", r.name);
        m.put("type", idName(r.typeId, r.typeName));
        return m;
    }

    private static Map<String, Object> stage(GhModel.Stage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("interviews", List.of());
        return m;
    }

    private static Map<String, Object> userRef(GhModel.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("email", u.email);
        m.put("name", u.name());
        m.put("employee_id", u.employeeId);
        return m;
    }

    private static Map<String, Object> deptRef(GhModel.Department d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("name", d.name);
        m.put("external_id", d.externalId);
        return m;
    }

    /** Webhooks spell an office location as a string (Harvest would give {name}). */
    private static Map<String, Object> officeRef(GhModel.Office o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id);
        m.put("name", o.name);
        m.put("location", o.location);
        m.put("external_id", o.externalId);
        return m;
    }

    static Map<String, Object> idName(long id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }
}
