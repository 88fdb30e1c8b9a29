package io.atsbridge.sandbox.lever;

import static io.atsbridge.sandbox.lever.LeverShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Postings (lever.md 6.1, 12.3): all six states through the real paths, channel semantics, filters, pagination. */
class LeverSandboxPostingsTest extends LeverSandboxTestBase {
    private String auth;

    @BeforeEach
    void account() throws Exception {
        auth = basic(newAccountKey());
    }

    /** Follows {@code next} while {@code hasNext}, the way an importer does. */
    private List<JsonNode> listAll(String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = null;
        for (int guard = 0; guard < 1000; guard++) {
            String sep = query.isEmpty() ? "?" : "?" + query + "&";
            Res r = get("/v1/postings" + sep + "limit=7" + (next == null ? "" : "&offset=" + next), auth);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertShape(r.json(), "listEnvelope");
            r.json().get("data").forEach(out::add);
            if (!r.json().get("hasNext").asBoolean()) {
                assertThat(r.json().has("next")).as("next only when hasNext").isFalse();
                return out;
            }
            next = r.json().get("next").asText();
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void importsEveryPostingStateThroughTheRealPaths() throws Exception {
        List<JsonNode> all = listAll("distributionChannel=public&distributionChannel=internal");
        Map<String, Integer> byState = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode p : all) {
            assertThat(ids.add(p.get("id").asText())).as("no posting twice across pages").isTrue();
            byState.merge(p.get("state").asText(), 1, Integer::sum);
            assertPostingShape(p);
        }
        assertThat(byState.keySet()).containsExactlyInAnyOrder("published", "internal", "closed", "draft", "pending", "rejected");
        assertThat(all).hasSizeGreaterThanOrEqualTo(39); // 40 seeded minus the confidential one

        // each state also through the state filter, and the union of repeated states
        int sum = 0;
        for (String s : byState.keySet()) {
            List<JsonNode> one = listAll("state=" + s + "&distributionChannel=public&distributionChannel=internal");
            assertThat(one).allSatisfy(p -> assertThat(p.get("state").asText()).isEqualTo(s));
            sum += one.size();
        }
        assertThat(sum).isEqualTo(all.size());
        List<JsonNode> two = listAll("state=closed&state=draft");
        assertThat(two).hasSize(byState.get("closed") + byState.get("draft"));
    }

    @Test
    void defaultListHidesPublishedInternalOnlyPostings() throws Exception {
        List<JsonNode> def = listAll("");
        List<JsonNode> both = listAll("distributionChannel=public&distributionChannel=internal");
        JsonNode internalOnly = both.stream().filter(p -> p.get("state").asText().equals("published")
                && p.get("distributionChannels").size() == 1
                && p.get("distributionChannels").get(0).asText().equals("internal")).findFirst().orElseThrow();
        assertThat(def).noneMatch(p -> p.get("id").equals(internalOnly.get("id")));
        assertThat(def).allSatisfy(p -> {
            if (p.get("state").asText().equals("published")) {
                assertThat(p.get("distributionChannels").toString()).contains("public");
            }
        });
        assertThat(both.size()).isEqualTo(def.size() + 1);
        List<JsonNode> internalChannel = listAll("state=published&distributionChannel=internal");
        assertThat(internalChannel).anyMatch(p -> p.get("id").equals(internalOnly.get("id")));
        // the single GET does not filter by channel
        assertThat(get("/v1/postings/" + internalOnly.get("id").asText(), auth).status()).isEqualTo(200);
    }

    @Test
    void closedPostingsCarryNullUrlsAndChannelsAndCategoriesMayBeNull() throws Exception {
        List<JsonNode> closed = listAll("state=closed");
        assertThat(closed).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("urls").isNull()).isTrue();
            assertThat(p.get("distributionChannels").isNull()).isTrue();
        });
        List<JsonNode> all = listAll("distributionChannel=public&distributionChannel=internal");
        assertThat(all).anyMatch(p -> p.get("categories").get("level").isNull());
        assertThat(all).anyMatch(p -> !p.get("categories").has("department"));
        assertThat(all).anyMatch(p -> p.get("user").isNull());
        JsonNode published = all.stream().filter(p -> p.get("state").asText().equals("published")).findFirst().orElseThrow();
        String id = published.get("id").asText();
        assertThat(published.get("urls").get("show").asText()).startsWith("https://jobs.lever.co/").endsWith("/" + id);
        assertThat(published.get("urls").get("apply").asText()).endsWith("/" + id + "/apply");
    }

    @Test
    void paginationEdgeCases() throws Exception {
        for (String bad : List.of("0", "101", "-1", "ten")) {
            Res r = get("/v1/postings?limit=" + bad, auth);
            assertThat(r.status()).as("limit=" + bad).isEqualTo(400);
            assertShape(r.json(), "error");
            assertThat(r.json().get("code").asText()).isEqualTo("BadRequestError");
        }
        // default limit is 100: the seed fits on one page
        Res all = get("/v1/postings", auth);
        int total = all.json().get("data").size();
        assertThat(all.json().get("hasNext").asBoolean()).isFalse();
        // a limit equal to the total is the last page: no next
        Res exact = get("/v1/postings?limit=" + total, auth);
        assertThat(exact.json().get("data")).hasSize(total);
        assertThat(exact.json().get("hasNext").asBoolean()).isFalse();
        assertThat(exact.json().has("next")).isFalse();
        // empty result: a filter nothing matches
        Res empty = get("/v1/postings?tag=no-such-tag", auth);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("data")).isEmpty();
        assertThat(empty.json().get("hasNext").asBoolean()).isFalse();
        // a page in the middle, then the last page of size 1
        Res first = get("/v1/postings?limit=" + (total - 1), auth);
        assertThat(first.json().get("hasNext").asBoolean()).isTrue();
        String next = first.json().get("next").asText();
        Res last = get("/v1/postings?limit=" + (total - 1) + "&offset=" + next, auth);
        assertThat(last.json().get("data")).hasSize(1);
        assertThat(last.json().get("hasNext").asBoolean()).isFalse();

        // offsets Lever did not hand out are refused
        String tampered = next.substring(0, next.length() - 1) + (next.endsWith("0") ? "1" : "0");
        for (String bad : List.of("garbage", "0.1414895548650.a6070140-33db-407c-91f5-2760e15c8e94", tampered)) {
            Res r = get("/v1/postings?offset=" + bad, auth);
            assertThat(r.status()).as("offset " + bad).isEqualTo(400);
            assertShape(r.json(), "error");
        }
        // an offset is bound to its account
        String other = basic(newAccountKey());
        assertThat(get("/v1/postings?offset=" + next, other).status()).isEqualTo(400);
    }

    @Test
    void aPostingDeletedBetweenPagesNeitherRepeatsNorSkipsOthers() throws Exception {
        Res p1 = get("/v1/postings?limit=5", auth);
        String next = p1.json().get("next").asText();
        Res peek = get("/v1/postings?limit=5&offset=" + next, auth);
        String firstOfPage2 = peek.json().get("data").get(0).get("id").asText();
        String secondOfPage2 = peek.json().get("data").get(1).get("id").asText();
        assertThat(send("DELETE", "/_control/jobs/" + firstOfPage2, auth, null).status()).isEqualTo(204);
        Res p2 = get("/v1/postings?limit=5&offset=" + next, auth);
        assertThat(p2.json().get("data").get(0).get("id").asText()).isEqualTo(secondOfPage2);
        // and the deletion is visible the ways an importer can see it
        assertThat(get("/v1/postings/" + firstOfPage2, auth).status()).isEqualTo(404);
        Res deleted = get("/v1/postings/deleted", auth);
        assertThat(deleted.json().get("data").toString()).contains(firstOfPage2);
        assertThat(deleted.json().get("data").get(0).get("deletedAt").isIntegralNumber()).isTrue();
    }

    @Test
    void updatedAtFiltersOnlyCombineWithConfidentiality() throws Exception {
        Res bad = get("/v1/postings?updated_at_start=0&state=published", auth);
        assertThat(bad.status()).isEqualTo(400);
        assertShape(bad.json(), "error");
        assertThat(get("/v1/postings?updated_at_start=yesterday", auth).status()).isEqualTo(400);
        Res ok = get("/v1/postings?updated_at_start=0&confidentiality=non-confidential", auth);
        assertThat(ok.status()).isEqualTo(200);
        long future = System.currentTimeMillis() + 86_400_000L;
        assertThat(get("/v1/postings?updated_at_start=" + future, auth).json().get("data")).isEmpty();
    }

    @Test
    void filtersUseUnionWithinAParameter() throws Exception {
        List<JsonNode> all = listAll("");
        Set<String> teams = new HashSet<>();
        all.forEach(p -> teams.add(p.get("categories").get("team").asText()));
        List<String> two = teams.stream().sorted().limit(2).toList();
        List<JsonNode> either = listAll("team=" + enc(two.get(0)) + "&team=" + enc(two.get(1)));
        long expected = all.stream().filter(p -> two.contains(p.get("categories").get("team").asText())).count();
        assertThat(either).hasSize((int) expected);
        assertThat(get("/v1/postings?state=open", auth).status()).isEqualTo(400);
        assertThat(get("/v1/postings?distributionChannel=partner", auth).status()).isEqualTo(400);
        // confidential postings need confidential access
        assertThat(get("/v1/postings?confidentiality=all", auth).status()).isEqualTo(403);
        send("PUT", "/_control/settings", auth, "{\"confidentialAccess\":true}");
        List<JsonNode> conf = listAll("confidentiality=confidential");
        assertThat(conf).hasSize(1).allSatisfy(p -> assertThat(p.get("confidentiality").asText()).isEqualTo("confidential"));
    }

    @Test
    void expandInlinesUsersAndIncludeNarrows() throws Exception {
        JsonNode p = get("/v1/postings?limit=1&expand=owner&expand=followers", auth).json().get("data").get(0);
        assertShape(p.get("owner"), "user");
        p.get("followers").forEach(f -> assertShape(f, "user"));
        JsonNode narrow = get("/v1/postings?limit=1&include=text", auth).json().get("data").get(0);
        assertThat(fieldNames(narrow)).containsExactly("id", "text");
    }

    @Test
    void controlApiCreatesClosesAndDeletesJobs() throws Exception {
        Res created = send("POST", "/_control/jobs", auth, "{\"text\":\"Chief Sandbox Officer\",\"team\":\"Exec\",\"location\":\"Lisbon\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("data").get("id").asText();
        Res read = get("/v1/postings/" + id, auth);
        assertPostingShape(read.json().get("data"));
        assertThat(read.json().get("data").get("text").asText()).isEqualTo("Chief Sandbox Officer");
        assertThat(read.json().get("data").get("state").asText()).isEqualTo("published");
        assertThat(read.json().get("data").get("categories").get("location").asText()).isEqualTo("Lisbon");

        assertThat(send("POST", "/_control/jobs/" + id + "/close", auth, null).status()).isEqualTo(200);
        JsonNode closed = get("/v1/postings/" + id, auth).json().get("data");
        assertThat(closed.get("state").asText()).isEqualTo("closed");
        assertThat(closed.get("urls").isNull()).isTrue();
        assertThat(closed.get("updatedAt").asLong()).isGreaterThan(read.json().get("data").get("updatedAt").asLong());

        assertThat(send("PUT", "/_control/jobs/" + id + "/state", auth, "{\"state\":\"internal\"}").json()
                .get("data").get("state").asText()).isEqualTo("internal");
        assertThat(send("PUT", "/_control/jobs/" + id + "/state", auth, "{\"state\":\"open\"}").status()).isEqualTo(400);

        assertThat(send("DELETE", "/_control/jobs/" + id, auth, null).status()).isEqualTo(204);
        Res gone = get("/v1/postings/" + id, auth);
        assertThat(gone.status()).isEqualTo(404);
        assertShape(gone.json(), "error");
        assertThat(gone.json().get("code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void generatesJobsForLoadAndPagesThroughThem() throws Exception {
        Res gen = send("POST", "/_control/jobs/generate", auth, "{\"count\":1000,\"state\":\"published\"}");
        assertThat(gen.status()).as(gen.body()).isEqualTo(201);
        int pages = 0;
        int seen = 0;
        String next = null;
        do {
            Res r = get("/v1/postings?limit=100" + (next == null ? "" : "&offset=" + next), auth);
            seen += r.json().get("data").size();
            pages++;
            next = r.json().get("hasNext").asBoolean() ? r.json().get("next").asText() : null;
        } while (next != null);
        assertThat(seen).isGreaterThanOrEqualTo(1038);
        assertThat(pages).isEqualTo((seen + 99) / 100);
        assertThat(send("POST", "/_control/jobs/generate", auth, "{\"count\":20000}").status()).isEqualTo(400);
        assertThat(send("DELETE", "/_control/jobs/generated", auth, null).json().get("removed").asInt()).isEqualTo(1000);
    }

    private static void assertPostingShape(JsonNode p) {
        assertShape(p, "posting");
        assertShape(p.get("categories"), "posting.categories");
        assertShape(p.get("content"), "posting.content");
        p.get("content").get("lists").forEach(l -> assertShape(l, "posting.content.list"));
        if (!p.get("urls").isNull()) assertShape(p.get("urls"), "posting.urls");
        if (p.has("salaryRange")) assertShape(p.get("salaryRange"), "posting.salaryRange");
        assertThat(p.get("state").asText()).isIn("published", "internal", "closed", "draft", "pending", "rejected");
        assertThat(p.get("workplaceType").asText()).isIn("unspecified", "onsite", "remote", "hybrid");
        assertThat(p.get("confidentiality").asText()).isIn("non-confidential", "confidential");
        assertThat(p.get("createdAt").asLong()).isGreaterThan(1_000_000_000_000L); // epoch milliseconds
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
