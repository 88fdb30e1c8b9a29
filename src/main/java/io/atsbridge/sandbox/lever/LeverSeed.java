package io.atsbridge.sandbox.lever;

import io.atsbridge.sandbox.lever.LeverModel.ArchiveReason;
import io.atsbridge.sandbox.lever.LeverModel.Posting;
import io.atsbridge.sandbox.lever.LeverModel.Stage;
import io.atsbridge.sandbox.lever.LeverModel.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo company every new sandbox account starts with: 40 postings in all six states (with the nulls real
 * accounts show), a pipeline with Lever's five fixed stages plus custom ones, users of every kind and archive reasons
 * with exactly one of type {@code hired}.
 */
final class LeverSeed {
    private static final long DAY = 86_400_000L;

    private record Role(String title, String team, String department, String level) { }

    private static final Role[] ROLES = {
            new Role("Senior Backend Engineer", "Platform", "Engineering", "senior"),
            new Role("Frontend Engineer", "Web", "Engineering", "mid"),
            new Role("Staff Data Engineer", "Data", "Engineering", "staff"),
            new Role("Site Reliability Engineer", "Infrastructure", "Engineering", null),
            new Role("Engineering Manager, Payments", "Payments", "Engineering", "manager"),
            new Role("Product Manager, Growth", "Growth", "Product", "senior"),
            new Role("Product Designer", "Design", "Product", "mid"),
            new Role("UX Researcher", "Design", null, null),
            new Role("Account Executive, Mid-Market", "Sales", "Revenue", "mid"),
            new Role("Sales Development Representative", "Sales", "Revenue", "entry"),
            new Role("Customer Success Manager", "Customer Success", "Revenue", null),
            new Role("Solutions Engineer", "Sales Engineering", "Revenue", "senior"),
            new Role("Content Marketing Manager", "Marketing", "Marketing", "mid"),
            new Role("Lifecycle Marketing Specialist", "Marketing", null, null),
            new Role("People Operations Partner", "People", "G&A", "mid"),
            new Role("Technical Recruiter", "Talent", "G&A", null),
            new Role("Senior Accountant", "Finance", "G&A", "senior"),
            new Role("Financial Analyst", "Finance", "G&A", "entry"),
            new Role("Security Engineer", "Security", "Engineering", "senior"),
            new Role("Mobile Engineer (iOS)", "Mobile", "Engineering", "mid"),
    };
    private static final String[][] LOCATIONS = {
            {"San Francisco, CA", "US"}, {"New York, NY", "US"}, {"London", "GB"}, {"Berlin", "DE"},
            {"Remote - US", "US"}, {"Toronto", "CA"}, {"Amsterdam", "NL"}, {"Austin, TX", "US"}};
    private static final String[] COMMITMENTS = {"Full-time", "Full-time", "Part-time", "Contract", "Internship", null};
    private static final String[] WORKPLACE = {"onsite", "remote", "hybrid", "unspecified"};

    private LeverSeed() { }

    /** Fills a fresh account. Called once, under the account lock, before the account is visible. */
    static void seed(LeverAccount a) {
        long now = a.now();
        User admin = user(a, "Demo Admin", "admin@demo.example", "super admin", "Head of Talent", now - 900 * DAY);
        user(a, "Integrations Bot", "integrations@demo.example", "admin", "Integration user", now - 800 * DAY);
        User recruiter = user(a, "Riley Recruiter", "riley@demo.example", "team member", "Senior Recruiter", now - 700 * DAY);
        User hm = user(a, "Harper Hiring", "harper@demo.example", "team member", "Engineering Manager", now - 650 * DAY);
        user(a, "Ira Interviewer", "ira@demo.example", "interviewer", "Software Engineer", now - 500 * DAY);
        user(a, "Lee Limited", "lee@demo.example", "limited team member", "Coordinator", now - 300 * DAY);
        User gone = user(a, "Dana Departed", "dana@demo.example", "team member", "Former Recruiter", now - 200 * DAY);
        gone.deactivatedAt = now - 100 * DAY;
        recruiter.managerId = admin.id;
        hm.managerId = admin.id;

        a.stages.add(new Stage("lead-new", "New lead"));
        a.stages.add(new Stage("lead-reached-out", "Reached out"));
        a.stages.add(new Stage("lead-responded", "Responded"));
        a.stages.add(new Stage("applicant-new", "New applicant"));
        a.stages.add(new Stage(LeverAccount.uuid(), "Phone Screen"));
        a.stages.add(new Stage(LeverAccount.uuid(), "Screened"));
        a.stages.add(new Stage(LeverAccount.uuid(), "On-site Interview"));
        a.stages.add(new Stage(LeverAccount.uuid(), "Reference Check"));
        a.stages.add(new Stage("offer", "Offer"));

        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Hired", "active", "hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Underqualified", "active", "non-hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Withdrew", "active", "non-hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Position filled", "active", "non-hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Unresponsive", "active", "non-hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Offer declined", "active", "non-hired"));
        a.archiveReasons.add(new ArchiveReason(LeverAccount.uuid(), "Duplicate", "inactive", "non-hired"));

        // 40 postings: 20 published (one internal-only, one confidential), 6 internal, 6 closed, 4 draft, 2 pending, 2 rejected
        String[] states = new String[40];
        for (int i = 0; i < 40; i++) {
            states[i] = i < 20 ? "published" : i < 26 ? "internal" : i < 32 ? "closed" : i < 36 ? "draft" : i < 38 ? "pending" : "rejected";
        }
        List<String> owners = List.of(admin.id, recruiter.id, hm.id);
        for (int i = 0; i < 40; i++) {
            Posting p = posting(a, i, states[i], owners.get(i % owners.size()), hm.id, now - (400 - i * 9L) * DAY);
            if (i == 3) p.distributionChannels = new ArrayList<>(List.of("internal")); // published but internal-only
            if (i == 7) p.confidentiality = "confidential";
            a.addPosting(p);
        }
        seedCandidates(a, admin);
    }

    private static final String[][] CANDIDATES = {
            {"Alex Rivera", "alex.rivera@example.com", "applied", "applicant-new"},
            {"Sam Chen", "sam.chen@example.com", "applied", "Phone Screen"},
            {"Jordan Okafor", "jordan.okafor@example.com", "referred", "On-site Interview"},
            {"Taylor Brooks", "taylor.brooks@example.com", "sourced", "lead-new"},
            {"Morgan Ilves", "morgan.ilves@example.com", "applied", "offer"},
            {"Casey Novak", "casey.novak@example.com", "agency", "Screened"}};

    /** A few candidates in different stages so a demo has something to show; no webhooks exist yet to hear them. */
    private static void seedCandidates(LeverAccount a, User admin) {
        List<Posting> open = a.postings.values().stream().filter(p -> "published".equals(p.state)
                && "non-confidential".equals(p.confidentiality)).toList();
        for (int i = 0; i < CANDIDATES.length; i++) {
            String[] c = CANDIDATES[i];
            NewOpportunity n = new NewOpportunity();
            n.name = c[0];
            n.emails.add(c[1]);
            n.origin = c[2];
            n.stage = a.stages.stream().filter(s -> s.id.equals(c[3]) || s.text.equals(c[3])).findFirst().orElseThrow().id;
            n.sources.add(c[2].equals("applied") ? "Job site" : "LinkedIn");
            if (!c[2].equals("sourced")) n.postings.add(open.get(i % open.size()).id);
            n.createdAt = a.now() - (30L - i) * DAY;
            a.createOpportunity(n, admin.id, false);
        }
    }

    /** A generated posting for load tests; the same shapes as the seed, numbered from {@code n}. */
    static Posting generated(LeverAccount a, int n, String state) {
        User owner = a.firstSuperAdmin();
        String ownerId = owner == null ? null : owner.id;
        Posting p = posting(a, n, state, ownerId, ownerId, a.now() - 30 * DAY + n);
        p.generated = true;
        p.text = p.text + " #" + n;
        return p;
    }

    static Posting posting(LeverAccount a, int i, String state, String owner, String hiringManager, long createdAt) {
        Role r = ROLES[i % ROLES.length];
        String[] loc = LOCATIONS[i % LOCATIONS.length];
        Posting p = new Posting();
        p.id = LeverAccount.uuid();
        p.text = r.title;
        p.createdAt = createdAt;
        p.updatedAt = createdAt + (i % 5) * DAY;
        p.user = i % 11 == 5 ? null : owner; // creator is null on some real postings
        p.owner = owner;
        p.hiringManager = i % 6 == 2 ? null : hiringManager;
        p.team = r.team;
        p.department = r.department;
        p.location = loc[0];
        p.allLocations = i % 9 == 4 ? new ArrayList<>(List.of(loc[0], "Remote - US")) : new ArrayList<>(List.of(loc[0]));
        p.commitment = COMMITMENTS[i % COMMITMENTS.length];
        p.level = r.level;
        p.country = loc[1];
        p.workplaceType = WORKPLACE[i % WORKPLACE.length];
        p.state = state;
        p.tags = new ArrayList<>(i % 2 == 0 ? List.of(r.department == null ? "General" : r.department, "Hiring 2026") : List.of("Hiring 2026"));
        p.followers = new ArrayList<>(hiringManager == null || hiringManager.equals(owner) ? List.of(owner) : List.of(owner, hiringManager));
        p.reqCode = i % 4 == 0 ? "" : i % 4 == 1 ? null : "REQ-" + (1000 + i);
        p.requisitionCodes = p.reqCode == null || p.reqCode.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(p.reqCode));
        String company = "Demo Company";
        p.description = "Join " + company + " as our next " + r.title + ". You will work with the " + r.team
                + " team on problems that matter to our customers.";
        p.descriptionHtml = "<div><b>Join " + company + "</b> as our next " + r.title + ". You will work with the "
                + r.team + " team on problems that matter to our customers.</div>";
        p.lists.add(list("What you'll do", "<li>Own meaningful projects end to end</li><li>Collaborate across "
                + r.team + " and beyond</li><li>Raise the bar for quality</li>"));
        p.lists.add(list("What we look for", "<li>Experience relevant to the role</li><li>Clear written communication</li>"));
        p.closing = company + " is an equal opportunity employer.";
        p.closingHtml = "<div>" + company + " is an equal opportunity employer.</div>";
        if (i % 3 == 0) {
            Map<String, Object> salary = new LinkedHashMap<>();
            salary.put("min", 90_000 + i * 1000);
            salary.put("max", 130_000 + i * 1000);
            salary.put("currency", "US".equals(loc[1]) ? "USD" : "EUR");
            salary.put("interval", "per-year-salary");
            p.salaryRange = salary;
            p.salaryDescription = "Base salary range; equity and benefits on top.";
            p.salaryDescriptionHtml = "<div>Base salary range; equity and benefits on top.</div>";
        }
        switch (state) {
            case "published" -> p.distributionChannels = new ArrayList<>(List.of("public", "internal"));
            case "internal" -> p.distributionChannels = i % 2 == 0 ? null : new ArrayList<>(List.of("internal"));
            case "closed" -> {
                p.distributionChannels = null;
                p.hasUrls = false;
            }
            default -> {
                p.distributionChannels = new ArrayList<>();
                p.hasUrls = true;
            }
        }
        return p;
    }

    private static Map<String, String> list(String text, String content) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("content", content);
        return m;
    }

    private static User user(LeverAccount a, String name, String email, String role, String title, long createdAt) {
        User u = new User();
        u.id = LeverAccount.uuid();
        u.name = name;
        u.username = email.substring(0, email.indexOf('@'));
        u.email = email;
        u.createdAt = createdAt;
        u.accessRole = role;
        u.jobTitle = title;
        a.users.put(u.id, u);
        return u;
    }
}
