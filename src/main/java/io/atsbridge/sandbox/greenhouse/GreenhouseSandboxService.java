package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The state machine (fact sheet §6.6): every API or control action changes state under the account lock, builds the
 * webhook payloads from that state, and fires them after the lock is released. Ingestion, Job Board and webhook views
 * all read the same objects, so they stay consistent.
 */
@Service
@GreenhouseSandboxEnabled
public class GreenhouseSandboxService {
    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxWebhooks webhooks;
    private final GreenhouseSandboxProperties props;

    public GreenhouseSandboxService(GreenhouseSandboxStore store, GreenhouseSandboxWebhooks webhooks,
                                    GreenhouseSandboxProperties props) {
        this.store = store;
        this.webhooks = webhooks;
        this.props = props;
    }

    record Event(String action, Map<String, Object> payload) { }

    private <T> T change(GhAccount a, Function<List<Event>, T> f) {
        List<Event> events = new ArrayList<>();
        T result;
        a.lock.lock();
        try {
            result = f.apply(events);
        } finally {
            a.lock.unlock();
        }
        for (Event e : events) {
            webhooks.fire(a, e.action(), e.payload());
        }
        return result;
    }

    // ---------------------------------------------------------------- Candidate Ingestion

    /** POST /v1/partner/candidates: validates every item first, so a bad array creates nothing. */
    Object createCandidates(GhAccount a, GhModel.User caller, JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new GhError(400, "The request body must be a JSON object or an array of objects");
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
            if (items.isEmpty()) {
                throw new GhError(400, "No candidates were given");
            }
        } else {
            items.add(body);
        }
        return change(a, events -> {
            if (a.candidates.size() + items.size() > props.getMaxCandidatesPerAccount()) {
                throw new GhError(403, "This sandbox account holds its maximum number of candidates");
            }
            List<GhCandidateInput> inputs = new ArrayList<>();
            for (JsonNode item : items) {
                inputs.add(GhCandidateInput.parse(a, item));
            }
            List<Object> out = new ArrayList<>();
            for (GhCandidateInput in : inputs) {
                out.add(create(a, caller, in, events));
            }
            return body.isArray() ? out : out.get(0);
        });
    }

    private Map<String, Object> create(GhAccount a, GhModel.User caller, GhCandidateInput in, List<Event> events) {
        Instant now = Instant.now();
        GhModel.Candidate c = new GhModel.Candidate();
        c.id = a.nextId();
        c.firstName = in.firstName;
        c.lastName = in.lastName;
        c.company = in.company;
        c.title = in.title;
        c.externalId = in.externalId;
        c.createdAt = now;
        c.updatedAt = now;
        c.phoneNumbers = in.phoneNumbers;
        c.emailAddresses = in.emailAddresses;
        c.addresses = in.addresses;
        c.websiteAddresses = in.websiteAddresses;
        c.socialMediaAddresses = in.socialMediaAddresses;
        c.resumeUrl = in.resumeUrl;
        c.notes = in.notes;
        c.source = a.partnerSource;     // Ingestion: the source is always the partner (§1.3)
        a.candidates.put(c.id, c);

        GhModel.Application app = new GhModel.Application();
        app.id = a.nextId();
        app.candidateId = c.id;
        app.prospect = in.prospect;
        app.jobId = in.job == null ? null : in.job.id;
        app.stage = in.prospect || in.job == null ? null : in.job.stages.get(0);
        app.appliedAt = now;
        app.lastActivityAt = now;
        app.source = a.partnerSource;
        app.creditedTo = in.referrer != null ? in.referrer : caller;
        app.pool = in.pool;
        app.poolStage = in.poolStage;
        app.prospectOwner = in.prospectOwner;
        a.applications.put(app.id, app);
        c.applicationIds.add(app.id);

        Map<String, Object> payload = new LinkedHashMap<>();
        // the documented examples spell the source {id,name} on new_candidate_application, {id,public_name} on prospects
        payload.put("application", GhPayloads.application(a, app, in.prospect));
        events.add(new Event(in.prospect ? "new_prospect_application" : "new_candidate_application", payload));

        Map<String, Object> res = new LinkedHashMap<>();
        res.put("id", c.id);
        res.put("application_id", app.id);
        res.put("external_id", c.externalId);
        res.put("profile_url", GhPayloads.profileUrl(c, app));
        return res;
    }

    /** GET /v1/partner/candidates: unknown ids, deleted people and candidates from other sources are dropped. */
    List<Object> partnerCandidates(GhAccount a, List<Long> ids) {
        return store.read(a, x -> {
            List<Object> out = new ArrayList<>();
            for (Long id : ids) {
                GhModel.Candidate c = x.candidates.get(id);
                if (c != null && c.source == x.partnerSource) {
                    out.add(GhPayloads.partnerCandidate(x, c));
                }
            }
            return out;
        });
    }

    Map<String, Object> trackingLink(GhAccount a, GhModel.User caller, long jobId) {
        return store.read(a, x -> {
            GhModel.Job job = x.jobs.get(jobId);
            if (job == null || !"open".equals(job.status)) {
                throw new GhError(404, "Job not found", "job_id");
            }
            GhModel.JobPost post = x.firstPost(job);
            String token = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
            if (x.trackingLinks.size() < 10_000) {
                x.trackingLinks.put(token, jobId);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tracking_link", "https://job-boards.greenhouse.io/" + x.boardToken + "/jobs/"
                    + (post == null ? job.id : post.id) + "?gh_src=" + token);
            m.put("job", job.name);
            m.put("source", x.partnerSource.name);
            m.put("referrer", caller.name());
            return m;
        });
    }

    // ---------------------------------------------------------------- control: jobs

    Map<String, Object> createJob(GhAccount a, String name, String status, boolean live, String department, String office) {
        return change(a, events -> {
            if (a.jobs.size() >= props.getMaxJobsPerAccount()) {
                throw new GhError(403, "This sandbox account holds its maximum number of jobs");
            }
            GhModel.Job job = newJob(a, name, status, live, department, office, events);
            return jobView(a, job);
        });
    }

    Map<String, Object> generateJobs(GhAccount a, int n, boolean fireEvents) {
        if (n < 1 || n > props.getMaxJobsPerAccount()) {
            throw new GhError(400, "n must be between 1 and " + props.getMaxJobsPerAccount(), "n");
        }
        return change(a, events -> {
            if (a.jobs.size() + n > props.getMaxJobsPerAccount()) {
                throw new GhError(403, "This sandbox account would exceed its maximum number of jobs");
            }
            List<Event> sink = fireEvents ? events : new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(newJob(a, "Load Test Role #" + (a.jobs.size() + 1), "open", true, null, null, sink).id);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("created", n);
            m.put("first_job_id", ids.get(0));
            m.put("last_job_id", ids.get(ids.size() - 1));
            m.put("total_jobs", a.jobs.size());
            return m;
        });
    }

    private GhModel.Job newJob(GhAccount a, String name, String status, boolean live, String department, String office,
                               List<Event> events) {
        if (name == null || name.isBlank()) {
            throw new GhError(400, "name is required", "name");
        }
        if (!"open".equals(status) && !"draft".equals(status)) {
            throw new GhError(400, "status must be open or draft", "status");
        }
        GhModel.Department dept = a.departments.values().stream()
                .filter(d -> department == null ? d.name.equals("Engineering") : d.name.equalsIgnoreCase(department))
                .findFirst().orElseThrow(() -> new GhError(400, "unknown department", "department"));
        GhModel.Office off = a.offices.values().stream()
                .filter(o -> office == null ? o.name.equals("Remote") : o.name.equalsIgnoreCase(office))
                .findFirst().orElseThrow(() -> new GhError(400, "unknown office", "office"));
        Instant now = Instant.now();
        GhModel.Job job = GhDemoSeed.newJob(a, name, dept, off, status, now, "REQ-" + (1000 + a.jobs.size() + 1));
        events.add(new Event("job_created", Map.of("job", GhPayloads.fullJob(a, job))));
        GhModel.JobPost post = GhDemoSeed.newPost(a, job, live && "open".equals(status), now);
        events.add(new Event("job_post_created", GhPayloads.flatPost(post)));
        return job;
    }

    Map<String, Object> setJobStatus(GhAccount a, long jobId, String status) {
        return change(a, events -> {
            GhModel.Job job = job(a, jobId);
            if (!List.of("open", "closed").contains(status)) {
                throw new GhError(400, "status must be open or closed", "status");
            }
            if (status.equals(job.status)) {
                return jobView(a, job);
            }
            Instant now = Instant.now();
            job.status = status;
            job.updatedAt = now;
            if ("closed".equals(status)) {
                job.closedAt = now;
            } else {
                job.closedAt = null;
                if (job.openedAt == null) {
                    job.openedAt = now;
                }
            }
            events.add(new Event("job_updated", Map.of("job", GhPayloads.fullJob(a, job))));
            // closing a job takes its posts off the board, which Greenhouse reports as post updates
            if ("closed".equals(status)) {
                for (Long pid : job.postIds) {
                    GhModel.JobPost p = a.posts.get(pid);
                    if (p != null && p.live) {
                        p.live = false;
                        p.updatedAt = now;
                        events.add(new Event("job_post_updated", GhPayloads.flatPost(p)));
                    }
                }
            }
            return jobView(a, job);
        });
    }

    /** Greenhouse only deletes closed jobs (fact sheet §5.9); job_deleted carries just {id, name}. */
    Map<String, Object> deleteJob(GhAccount a, long jobId) {
        return change(a, events -> {
            GhModel.Job job = job(a, jobId);
            if (!"closed".equals(job.status)) {
                throw new GhError(409, "Only a closed job can be deleted", "status");
            }
            a.jobs.remove(job.id);
            job.postIds.forEach(a.posts::remove);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", job.id);
            j.put("name", job.name);
            events.add(new Event("job_deleted", Map.of("job", j)));
            return Map.of("deleted", job.id);
        });
    }

    Map<String, Object> setPostLive(GhAccount a, long postId, boolean live) {
        return change(a, events -> {
            GhModel.JobPost p = post(a, postId);
            if (live && p.jobId != null && !"open".equals(a.jobs.get(p.jobId).status)) {
                throw new GhError(409, "A post can only go live while its job is open", "live");
            }
            if (p.live != live) {
                p.live = live;
                p.updatedAt = Instant.now();
                if (live && p.firstPublishedAt == null) {
                    p.firstPublishedAt = p.updatedAt;
                }
                events.add(new Event("job_post_updated", GhPayloads.flatPost(p)));
            }
            return postView(p);
        });
    }

    Map<String, Object> updatePost(GhAccount a, long postId, String title, String content) {
        return change(a, events -> {
            GhModel.JobPost p = post(a, postId);
            if (title != null) {
                p.title = title;
            }
            if (content != null) {
                p.content = content;
            }
            p.updatedAt = Instant.now();
            events.add(new Event("job_post_updated", GhPayloads.flatPost(p)));
            return postView(p);
        });
    }

    /** Only a post that is not live can be deleted; the event nests it under {@code job_post} (§5.9). */
    Map<String, Object> deletePost(GhAccount a, long postId) {
        return change(a, events -> {
            GhModel.JobPost p = post(a, postId);
            if (p.live) {
                throw new GhError(409, "Only a post that is not live can be deleted", "live");
            }
            a.posts.remove(p.id);
            if (p.jobId != null && a.jobs.containsKey(p.jobId)) {
                a.jobs.get(p.jobId).postIds.remove(p.id);
            }
            p.active = false;
            events.add(new Event("job_post_deleted", Map.of("job_post", GhPayloads.flatPost(p))));
            return Map.of("deleted", p.id);
        });
    }

    // ---------------------------------------------------------------- control: applications

    Map<String, Object> moveStage(GhAccount a, long applicationId, String stageName, Long stageId) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            requireActiveOnJob(a, app);
            GhModel.Job job = a.jobs.get(app.jobId);
            GhModel.Stage target = job.stages.stream()
                    .filter(s -> stageId != null ? s.id == stageId : s.name.equalsIgnoreCase(String.valueOf(stageName)))
                    .findFirst().orElseThrow(() -> new GhError(400, "No such stage on job " + job.id, "stage"));
            // moving a prospect into a stage converts it into a candidate application, as in Greenhouse
            app.prospect = false;
            app.stage = target;
            app.lastActivityAt = Instant.now();
            events.add(new Event("candidate_stage_change", Map.of("application", GhPayloads.application(a, app, false))));
            return applicationView(a, app);
        });
    }

    Map<String, Object> reject(GhAccount a, long applicationId, Long reasonId) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            if (!"active".equals(app.status)) {
                throw new GhError(409, "Only an active application can be rejected", "status");
            }
            GhModel.RejectionReason reason = reasonId == null ? a.rejectionReasons.get(0)
                    : a.rejectionReasons.stream().filter(r -> r.id == reasonId).findFirst()
                    .orElseThrow(() -> new GhError(400, "unknown rejection reason", "rejection_reason_id"));
            app.status = "rejected";
            app.rejectedAt = Instant.now();
            app.rejectionReason = reason;
            app.lastActivityAt = app.rejectedAt;
            events.add(new Event("reject_candidate", Map.of("application", GhPayloads.application(a, app, true))));
            return applicationView(a, app);
        });
    }

    Map<String, Object> unreject(GhAccount a, long applicationId) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            if (!"rejected".equals(app.status)) {
                throw new GhError(409, "Only a rejected application can be unrejected", "status");
            }
            app.status = "active";
            app.rejectedAt = null;
            app.rejectionReason = null;
            app.lastActivityAt = Instant.now();
            events.add(new Event("unreject_candidate", Map.of("application", GhPayloads.application(a, app, true))));
            return applicationView(a, app);
        });
    }

    Map<String, Object> hire(GhAccount a, long applicationId) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            requireActiveOnJob(a, app);
            Instant now = Instant.now();
            GhModel.Job job = a.jobs.get(app.jobId);
            app.prospect = false;
            app.status = "hired";
            app.stage = job.stages.get(job.stages.size() - 1);
            app.offerId = a.nextId();
            app.offerCreatedAt = now;
            app.lastActivityAt = now;
            events.add(new Event("hire_candidate", Map.of("application", GhPayloads.hiredApplication(a, app))));
            return applicationView(a, app);
        });
    }

    /** A recruiter edits the application (credit, notes…): application_updated with the full payload. */
    Map<String, Object> touch(GhAccount a, long applicationId, String creditedToEmail) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            if (creditedToEmail != null) {
                GhModel.User u = a.activeUserByEmail(creditedToEmail);
                if (u == null) {
                    throw new GhError(400, "No active user with that email", "credited_to");
                }
                app.creditedTo = u;
            }
            app.lastActivityAt = Instant.now();
            events.add(new Event("application_updated", Map.of("application", GhPayloads.application(a, app, false))));
            return applicationView(a, app);
        });
    }

    Map<String, Object> unhire(GhAccount a, long applicationId) {
        return change(a, events -> {
            GhModel.Application app = app(a, applicationId);
            if (!"hired".equals(app.status)) {
                throw new GhError(409, "Only a hired application can be unhired", "status");
            }
            app.status = "active";
            app.lastActivityAt = Instant.now();
            events.add(new Event("unhire_candidate", Map.of("application", GhPayloads.application(a, app, true))));
            return applicationView(a, app);
        });
    }

    /**
     * Merges {@code candidateId} into {@code intoId}: the applications move, the loser disappears (so the partner API
     * drops its id) and {@code merge_candidate} carries {@code new_candidate_id}.
     */
    Map<String, Object> mergeCandidate(GhAccount a, long candidateId, long intoId) {
        return change(a, events -> {
            GhModel.Candidate loser = a.candidates.get(candidateId);
            GhModel.Candidate winner = a.candidates.get(intoId);
            if (loser == null || winner == null || loser == winner) {
                throw new GhError(404, "Candidate not found", loser == null ? "candidate_id" : "into");
            }
            for (Long appId : loser.applicationIds) {
                GhModel.Application app = a.applications.get(appId);
                if (app != null) {
                    app.candidateId = winner.id;
                    winner.applicationIds.add(appId);
                }
            }
            a.candidates.remove(loser.id);
            Map<String, Object> person = GhPayloads.deletedPerson(loser, List.of());
            person.remove("deleted_application_ids");
            person.put("new_candidate_id", winner.id);
            events.add(new Event("merge_candidate", Map.of("person", person)));
            return Map.of("merged", loser.id, "into", winner.id);
        });
    }

    Map<String, Object> deleteCandidate(GhAccount a, long candidateId) {
        return change(a, events -> {
            GhModel.Candidate c = a.candidates.get(candidateId);
            if (c == null) {
                throw new GhError(404, "Candidate not found", "candidate_id");
            }
            List<Long> appIds = new ArrayList<>(c.applicationIds);
            appIds.forEach(a.applications::remove);
            a.candidates.remove(c.id);
            events.add(new Event("delete_candidate", Map.of("person", GhPayloads.deletedPerson(c, appIds))));
            return Map.of("deleted", c.id);
        });
    }

    // ---------------------------------------------------------------- views for the control API

    List<Object> jobs(GhAccount a) {
        return store.read(a, x -> {
            List<Object> out = new ArrayList<>();
            x.jobs.values().forEach(j -> out.add(jobView(x, j)));
            return out;
        });
    }

    /** Lets a test find what a dropped response created: candidates by the board's external_id. */
    List<Object> candidatesByExternalId(GhAccount a, String externalId) {
        return store.read(a, x -> {
            List<Object> out = new ArrayList<>();
            x.candidates.values().stream().filter(c -> externalId.equals(c.externalId))
                    .forEach(c -> out.add(GhPayloads.partnerCandidate(x, c)));
            return out;
        });
    }

    Map<String, Object> application(GhAccount a, long id) {
        return store.read(a, x -> applicationView(x, app(x, id)));
    }

    Map<String, Object> candidate(GhAccount a, long id) {
        return store.read(a, x -> {
            GhModel.Candidate c = x.candidates.get(id);
            if (c == null) {
                throw new GhError(404, "Candidate not found", "candidate_id");
            }
            Map<String, Object> m = GhPayloads.candidate(c);
            List<Object> apps = new ArrayList<>();
            c.applicationIds.forEach(appId -> {
                GhModel.Application app = x.applications.get(appId);
                if (app != null) {
                    apps.add(applicationView(x, app));
                }
            });
            m.put("applications", apps);
            return m;
        });
    }

    private static Map<String, Object> jobView(GhAccount a, GhModel.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("name", j.name);
        m.put("status", j.status);
        m.put("department", j.department == null ? null : j.department.name);
        m.put("office", j.office == null ? null : j.office.name);
        List<Object> posts = new ArrayList<>();
        j.postIds.forEach(pid -> {
            GhModel.JobPost p = a.posts.get(pid);
            if (p != null) {
                posts.add(postView(p));
            }
        });
        m.put("job_posts", posts);
        List<Object> stages = new ArrayList<>();
        j.stages.forEach(s -> stages.add(GhPayloads.idName(s.id, s.name)));
        m.put("stages", stages);
        return m;
    }

    private static Map<String, Object> postView(GhModel.JobPost p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("job_id", p.jobId);
        m.put("title", p.title);
        m.put("live", p.live);
        return m;
    }

    private static Map<String, Object> applicationView(GhAccount a, GhModel.Application app) {
        return GhPayloads.application(a, app, false);
    }

    private static GhModel.Job job(GhAccount a, long id) {
        GhModel.Job j = a.jobs.get(id);
        if (j == null) {
            throw new GhError(404, "Job not found", "job_id");
        }
        return j;
    }

    private static GhModel.JobPost post(GhAccount a, long id) {
        GhModel.JobPost p = a.posts.get(id);
        if (p == null) {
            throw new GhError(404, "Job post not found", "job_post_id");
        }
        return p;
    }

    private static GhModel.Application app(GhAccount a, long id) {
        GhModel.Application app = a.applications.get(id);
        if (app == null) {
            throw new GhError(404, "Application not found", "application_id");
        }
        return app;
    }

    private static void requireActiveOnJob(GhAccount a, GhModel.Application app) {
        if (!"active".equals(app.status)) {
            throw new GhError(409, "The application is " + app.status, "status");
        }
        if (app.jobId == null || !a.jobs.containsKey(app.jobId)) {
            throw new GhError(409, "The application is not on a job", "job_id");
        }
    }
}
