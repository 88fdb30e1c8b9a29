package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Org × Lever (seed guide 003): a read-only import of every posting into the org chart, on demand ("Import")
 * as well as on schedule: every Lever posting state mapped, closed and deleted postings reflected, an unchanged
 * re-import writing nothing, and a failing import deleting nothing.
 */
class TheOrgLeverAcceptanceTest extends AcceptanceTestBase {
    static final Map<String, String> EXPECTED = Map.of("published", "open", "internal", "open", "closed", "closed",
            "draft", "draft", "pending", "draft", "rejected", "draft");

    /** Connected, first import done, plus one posting of ours in each state (and an internal-only published one), imported. */
    final class Org {
        final LeverTenant t = new LeverTenant(TheOrgLeverAcceptanceTest.this, "theorg").connect(null);
        final Map<String, String> postingByState = new LinkedHashMap<>();
        final String internalOnly;
        final String described;

        Org() {
            assertThat(awaitSyncCompleted(t.company, 1).path("data").path("status").asText()).isEqualTo("completed");
            for (String state : EXPECTED.keySet()) {
                postingByState.put(state, t.newPosting(Map.of("text", "Org role " + state, "state", state, "confidentiality", "non-confidential")));
            }
            internalOnly = t.newPosting(Map.of("text", "Internal mobility: Staff Engineer", "state", "published",
                    "confidentiality", "non-confidential", "distributionChannels", List.of("internal")));
            described = t.newPosting(Map.of("text", "Head of People", "state", "published", "confidentiality", "non-confidential",
                    "department", "People", "team", "People Ops", "location", "Oslo",
                    "descriptionHtml", "<p>Lead <b>People</b> &amp; culture.</p>"));
            JsonNode run = syncNow(t.company);
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");
        }

        /** Postings the key may read: all but the confidential ones (the key has no confidential access). */
        int visiblePostings() {
            int total = t.control("GET", "/account", null).path("postings").asInt();
            t.control("PUT", "/settings", Map.of("confidentialAccess", true));
            int confidential = t.lever("GET", "/v1/postings?limit=100&confidentiality=confidential"
                    + "&distributionChannel=public&distributionChannel=internal", null).path("data").size();
            t.control("PUT", "/settings", Map.of("confidentialAccess", false));
            return total - confidential;
        }
    }

    @Test
    void everyPostingStateIsImportedAndMapped() {
        Org org = new Org();
        Map<String, JsonNode> jobs = jobs(org.t.company, null);
        org.postingByState.forEach((state, id) -> {
            assertThat(jobs).as("posting in state " + state).containsKey(id);
            assertThat(jobs.get(id).path("state").asText()).as("posting in state " + state).isEqualTo(EXPECTED.get(state));
        });
        assertThat(jobs).containsKey(org.internalOnly);
        assertThat(jobs.get(org.internalOnly).path("state").asText()).isEqualTo("open");
        assertThat(jobs).hasSize(org.visiblePostings());

        // the fields The Org collects, as Lever holds them
        JsonNode posting = org.t.lever("GET", "/v1/postings/" + org.described, null).path("data");
        JsonNode job = jobs.get(org.described);
        assertThat(job.path("title").asText()).isEqualTo("Head of People");
        assertThat(job.path("department").asText()).isEqualTo("People");
        assertThat(job.path("location").asText()).isEqualTo("Oslo");
        assertThat(job.path("url").asText()).isEqualTo(posting.path("urls").path("show").asText()).isNotBlank();
        assertThat(job.path("descriptionHtml").asText()).contains("Lead <b>People</b>");
        assertThat(java.time.Instant.parse(job.path("createdAt").asText()))
                .isEqualTo(java.time.Instant.ofEpochMilli(posting.path("createdAt").asLong()));
    }

    @Test
    void closedAndDeletedPostingsAreReflectedThenAnUnchangedImportWritesNothing() {
        Org org = new Org();
        String closing = org.postingByState.get("published");
        String deleting = org.postingByState.get("internal");
        org.t.control("POST", "/jobs/" + closing + "/close", null);
        org.t.control("DELETE", "/jobs/" + deleting, null);

        JsonNode run = syncNow(org.t.company);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("deleted").asInt()).isEqualTo(1);
        Map<String, JsonNode> jobs = jobs(org.t.company, null);
        assertThat(jobs.get(closing).path("state").asText()).isEqualTo("closed");
        assertThat(jobs.get(deleting).path("state").asText()).isEqualTo("deleted");
        assertThat(events(org.t.company, 0, "job.closed")).anySatisfy(e -> assertThat(e.path("data").path("atsJobId").asText()).isEqualTo(closing));
        assertThat(events(org.t.company, 0, "job.deleted")).anySatisfy(e -> assertThat(e.path("data").path("atsJobId").asText()).isEqualTo(deleting));

        JsonNode again = syncNow(org.t.company);
        int present = org.visiblePostings();
        assertThat(again.path("status").asText()).isEqualTo("completed");
        assertThat(again.path("created").asInt() + again.path("updated").asInt()).as(again.toString()).isZero();
        assertThat(again.path("unchanged").asInt()).as(again.toString()).isEqualTo(present);
        assertThat(again.path("seen").asInt()).isEqualTo(present);
        assertThat(again.path("deleted").asInt() + again.path("closed").asInt()).isZero();
    }

    @Test
    void anImportThatFailsMidwayDeletesNothing() {
        Org org = new Org();
        Map<String, String> before = states(jobs(org.t.company, null));
        long cursor = cursor(org.t.company);
        org.t.control("PUT", "/faults", Map.of("errorRate", 1.0, "errorStatus", 503));
        JsonNode run = syncNow(org.t.company);
        org.t.control("DELETE", "/faults", null);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("error").asText()).isNotBlank();
        assertThat(run.path("deleted").asInt() + run.path("closed").asInt()).isZero();
        assertThat(states(jobs(org.t.company, null))).isEqualTo(before);
        assertThat(events(org.t.company, cursor)).noneSatisfy(e -> assertThat(e.path("type").asText()).startsWith("job."));
        assertThat(events(org.t.company, cursor, "sync.completed")).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("status").asText()).isEqualTo("failed"));
    }

    /** More than half of the open postings vanish at once: looks like an ATS or permission glitch, so nothing changes. */
    @Test
    void anImportWhereMostOpenJobsVanishIsSuspectAndChangesNothing() {
        Org org = new Org();
        Map<String, String> before = states(jobs(org.t.company, null));
        List<String> open = before.entrySet().stream().filter(e -> "open".equals(e.getValue())).map(Map.Entry::getKey).toList();
        long cursor = cursor(org.t.company);
        for (String id : open.subList(0, open.size() / 2 + 1)) {
            org.t.control("DELETE", "/jobs/" + id, null);
        }
        JsonNode run = syncNow(org.t.company);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("suspect");
        assertThat(run.path("deleted").asInt() + run.path("closed").asInt()).isZero();
        assertThat(states(jobs(org.t.company, null))).isEqualTo(before);
        assertThat(events(org.t.company, cursor, "sync.suspect")).hasSize(1);
        assertThat(events(org.t.company, cursor)).noneSatisfy(e -> assertThat(e.path("type").asText()).isEqualTo("job.deleted"));
    }

    static Map<String, String> states(Map<String, JsonNode> jobs) {
        Map<String, String> out = new HashMap<>();
        jobs.forEach((id, j) -> out.put(id, j.path("state").asText()));
        return out;
    }
}
