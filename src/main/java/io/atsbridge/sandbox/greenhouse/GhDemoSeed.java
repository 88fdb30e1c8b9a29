package io.atsbridge.sandbox.greenhouse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo company every new sandbox account starts with: 30 jobs (22 open, 5 closed, 3 draft), two open jobs whose
 * post is not live, a live prospect post, departments and offices, users (one disabled, one basic), prospect pools,
 * and three candidates from other sources (invisible to the partner API, as in Greenhouse).
 */
final class GhDemoSeed {
    static final String INTEGRATION_USER = "integrations@demo.example";
    static final List<String> STAGES = List.of("Application Review", "Phone Screen", "Screened", "Face to Face", "Offer");

    private static final String[][] JOBS = {
            // name, department, office, status, live ("y"/"n"/"-")
            {"Senior Backend Engineer (Java)", "Engineering", "New York", "open", "y"},
            {"Frontend Engineer, Design Systems", "Engineering", "Remote", "open", "y"},
            {"Site Reliability Engineer", "Engineering", "San Francisco", "open", "y"},
            {"Staff Data Engineer", "Engineering", "London", "open", "y"},
            {"Engineering Manager, Platform", "Engineering", "New York", "open", "y"},
            {"QA Automation Engineer", "Engineering", "Remote", "open", "y"},
            {"Mobile Engineer (iOS)", "Engineering", "San Francisco", "open", "n"},
            {"Product Manager, Growth", "Product", "New York", "open", "y"},
            {"Senior Product Designer", "Design", "London", "open", "y"},
            {"UX Researcher", "Design", "Remote", "open", "y"},
            {"Account Executive, Mid-Market", "Sales", "New York", "open", "y"},
            {"Sales Development Representative", "Sales", "London", "open", "y"},
            {"Solutions Engineer", "Sales", "San Francisco", "open", "y"},
            {"Customer Success Manager", "Customer Success", "Remote", "open", "y"},
            {"Support Specialist (Tier 2)", "Customer Success", "London", "open", "y"},
            {"Implementation Consultant", "Customer Success", "New York", "open", "n"},
            {"Content Marketing Manager", "Marketing", "Remote", "open", "y"},
            {"Demand Generation Lead", "Marketing", "San Francisco", "open", "y"},
            {"Financial Analyst", "Operations", "New York", "open", "y"},
            {"People Partner", "Operations", "London", "open", "y"},
            {"IT Administrator", "Operations", "San Francisco", "open", "y"},
            {"Legal Counsel, Privacy & Compliance", "Operations", "London", "open", "y"},
            {"Data Scientist", "Engineering", "New York", "closed", "-"},
            {"Office Manager", "Operations", "San Francisco", "closed", "-"},
            {"Brand Designer", "Design", "Remote", "closed", "-"},
            {"Partnerships Manager", "Sales", "London", "closed", "-"},
            {"Technical Writer", "Product", "Remote", "closed", "-"},
            {"Principal Architect", "Engineering", "New York", "draft", "-"},
            {"Head of Customer Success", "Customer Success", "New York", "draft", "-"},
            {"Security Engineer", "Engineering", "Remote", "draft", "-"},
    };

    private static final String[][] OFFICES = {
            {"New York", "New York, NY, United States"},
            {"San Francisco", "San Francisco, CA, United States"},
            {"London", "London, United Kingdom"},
            {"Remote", "Remote"},
    };

    private GhDemoSeed() { }

    static void seed(GhAccount a, Instant now) {
        a.companyName = "Demo Company";
        a.partnerSource = new GhModel.Source(a.nextId(), "atsbridge Sandbox Partner");
        user(a, "Ivy", "Integrations", INTEGRATION_USER, false, false);
        user(a, "Rita", "Recruiter", "rita.recruiter@demo.example", false, false);
        user(a, "Hank", "Hiring-Manager", "hank.manager@demo.example", false, false);
        user(a, "Basil", "Basic", "basic.user@demo.example", false, true);
        user(a, "Dora", "Departed", "former.employee@demo.example", true, false);

        Map<String, GhModel.Department> depts = new java.util.LinkedHashMap<>();
        for (String d : List.of("Engineering", "Product", "Design", "Sales", "Customer Success", "Marketing", "Operations")) {
            GhModel.Department dep = new GhModel.Department();
            dep.id = a.nextId();
            dep.name = d;
            dep.externalId = "dept-" + d.toLowerCase().replace(' ', '-');
            a.departments.put(dep.id, dep);
            depts.put(d, dep);
        }
        Map<String, GhModel.Office> offices = new java.util.LinkedHashMap<>();
        for (String[] o : OFFICES) {
            GhModel.Office off = new GhModel.Office();
            off.id = a.nextId();
            off.name = o[0];
            off.location = o[1];
            off.externalId = "office-" + o[0].toLowerCase().replace(' ', '-');
            a.offices.put(off.id, off);
            offices.put(o[0], off);
        }

        int i = 0;
        for (String[] j : JOBS) {
            Instant created = now.minus(Duration.ofDays(90 - i * 2L));
            GhModel.Job job = newJob(a, j[0], depts.get(j[1]), offices.get(j[2]), j[3], created, "REQ-" + (1001 + i));
            if ("closed".equals(j[3])) {
                job.closedAt = created.plus(Duration.ofDays(20));
                job.updatedAt = job.closedAt;
            }
            if (!"-".equals(j[4])) {
                newPost(a, job, "y".equals(j[4]), created.plus(Duration.ofHours(2)));
            }
            i++;
        }
        // a prospect post (no job): the Job Board API lists it with internal_job_id null
        GhModel.JobPost general = new GhModel.JobPost();
        general.id = a.nextId();
        general.title = "General Application & Talent Community";
        general.location = "Anywhere";
        general.content = "<p>Don't see the right role? Tell us about yourself &amp; we'll reach out when something fits.</p>";
        general.live = true;
        general.createdAt = now.minus(Duration.ofDays(120));
        general.updatedAt = general.createdAt;
        general.firstPublishedAt = general.createdAt;
        a.posts.put(general.id, general);

        pool(a, "Future Interest", "Not Contacted", "Contacted", "Interested");
        pool(a, "Silver Medalists", "Identified", "Engaged");

        a.rejectionReasons.add(new GhModel.RejectionReason(a.nextId(), "Lacking skill(s)/qualification(s)", 1, "We rejected them"));
        a.rejectionReasons.add(new GhModel.RejectionReason(a.nextId(), "Hired elsewhere", 2, "They rejected us"));
        a.rejectionReasons.add(new GhModel.RejectionReason(a.nextId(), "Position filled", 3, "None specified"));

        GhModel.Source referral = new GhModel.Source(a.nextId(), "Referral");
        List<GhModel.Job> open = a.jobs.values().stream().filter(x -> "open".equals(x.status)).toList();
        seedCandidate(a, "Grace", "Hopper", open.get(0), 2, referral, now.minus(Duration.ofDays(10)));
        seedCandidate(a, "Alan", "Turing", open.get(1), 0, referral, now.minus(Duration.ofDays(7)));
        seedCandidate(a, "Ada", "Lovelace", open.get(7), 1, new GhModel.Source(a.nextId(), "LinkedIn (Prospecting)"),
                now.minus(Duration.ofDays(3)));
    }

    static GhModel.Job newJob(GhAccount a, String name, GhModel.Department dept, GhModel.Office office, String status,
                              Instant created, String requisitionId) {
        GhModel.Job job = new GhModel.Job();
        job.id = a.nextId();
        job.name = name;
        job.requisitionId = requisitionId;
        job.notes = "<p>Hiring plan: 1 opening. Budget approved &amp; signed off.</p>";
        job.status = status;
        job.createdAt = created;
        job.openedAt = "draft".equals(status) ? null : created;
        job.updatedAt = created;
        job.department = dept;
        job.office = office;
        job.createdById = a.users.values().iterator().next().id;
        for (String s : STAGES) {
            job.stages.add(new GhModel.Stage(a.nextId(), s));
        }
        a.jobs.put(job.id, job);
        return job;
    }

    static GhModel.JobPost newPost(GhAccount a, GhModel.Job job, boolean live, Instant created) {
        GhModel.JobPost p = new GhModel.JobPost();
        p.id = a.nextId();
        p.jobId = job.id;
        p.title = job.name;
        p.location = job.office == null ? "Remote" : job.office.location;
        p.content = content(job);
        p.internalContent = null;
        p.live = live;
        p.createdAt = created;
        p.updatedAt = created;
        p.firstPublishedAt = live ? created : null;
        a.posts.put(p.id, p);
        job.postIds.add(p.id);
        return p;
    }

    /** Raw HTML with the characters whose escaping integrations get wrong: tags, ampersands, quotes, an apostrophe. */
    static String content(GhModel.Job job) {
        String dept = job.department == null ? "our team" : job.department.name;
        return "<p><strong>About the role</strong></p>"
                + "<p>Join " + dept + " at Demo Company &amp; help us build the \"best\" hiring tools.</p>"
                + "<ul><li>Ship features end-to-end</li><li>Work with R&amp;D, Sales &amp; Support</li></ul>"
                + "<p>We're an equal opportunity employer. Salary range: $120,000 &ndash; $160,000 &lt;USD&gt;.</p>";
    }

    private static void user(GhAccount a, String first, String last, String email, boolean disabled, boolean basic) {
        GhModel.User u = new GhModel.User();
        u.id = a.nextId();
        u.firstName = first;
        u.lastName = last;
        u.email = email;
        u.employeeId = "E" + (100 + a.users.size());
        u.disabled = disabled;
        u.basic = basic;
        a.users.put(u.id, u);
    }

    private static void pool(GhAccount a, String name, String... stages) {
        GhModel.ProspectPool p = new GhModel.ProspectPool();
        p.id = a.nextId();
        p.name = name;
        for (String s : stages) {
            p.stages.add(new GhModel.Stage(a.nextId(), s));
        }
        a.pools.put(p.id, p);
    }

    private static void seedCandidate(GhAccount a, String first, String last, GhModel.Job job, int stageIdx,
                                      GhModel.Source source, Instant at) {
        GhModel.Candidate c = new GhModel.Candidate();
        c.id = a.nextId();
        c.firstName = first;
        c.lastName = last;
        c.createdAt = at;
        c.updatedAt = at;
        c.source = source;
        c.emailAddresses = List.of(Map.of("value", first.toLowerCase() + "@example.org", "type", "personal"));
        a.candidates.put(c.id, c);
        GhModel.Application app = new GhModel.Application();
        app.id = a.nextId();
        app.candidateId = c.id;
        app.jobId = job.id;
        app.stage = job.stages.get(stageIdx);
        app.appliedAt = at;
        app.lastActivityAt = at;
        app.source = source;
        a.applications.put(app.id, app);
        c.applicationIds.add(app.id);
    }
}
