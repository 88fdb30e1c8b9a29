package io.atsbridge.sandbox.lever;

import static io.atsbridge.sandbox.lever.LeverShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opportunities and reference data (lever.md 6.2, 6.3, 12.4–12.6), over HTTP against the fact sheet's shapes. */
class LeverSandboxOpportunitiesTest extends LeverSandboxTestBase {
    private String auth;
    private String performAs;

    @BeforeEach
    void account() throws Exception {
        auth = basic(newAccountKey());
        Res users = get("/v1/users?email=integrations@demo.example", auth);
        performAs = users.json().get("data").get(0).get("id").asText();
    }

    private static void assertOpportunityShape(JsonNode o) {
        assertShape(o, "opportunity");
        o.get("phones").forEach(p -> assertShape(p, "opportunity.phone"));
        o.get("stageChanges").forEach(s -> assertShape(s, "opportunity.stageChange"));
        if (!o.get("archived").isNull()) assertShape(o.get("archived"), "opportunity.archived");
        assertShape(o.get("urls"), "opportunity.urls");
        assertThat(o.get("origin").asText()).isIn("agency", "applied", "internal", "referred", "sourced", "university");
    }

    private String postingId(String state) throws Exception {
        Res r = get("/v1/postings?state=" + state, auth);
        return r.json().get("data").get(0).get("id").asText();
    }

    @Test
    void createsAnOpportunityAndReadsItBack() throws Exception {
        String body = """
                {"name":"Ada Lovelace","headline":"Analyst","location":"London","emails":["Ada.Lovelace@Example.com"],
                 "phones":[{"value":"+44 20 7946 0000","type":"mobile"}],"links":["https://ada.example"],
                 "tags":["Test Board"],"sources":["Test Board"],"origin":"sourced"}""";
        Res created = send("POST", "/v1/opportunities?perform_as=" + performAs, auth, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertShape(created.json(), "createOpportunityResponse");
        assertThat(created.json().get("deduped").asBoolean()).isFalse();
        JsonNode o = created.json().get("data");
        assertOpportunityShape(o);
        assertThat(o.get("stage").asText()).isEqualTo("lead-new"); // no stage given: New Lead
        assertThat(o.get("applications")).isEmpty();
        assertThat(o.get("archived").isNull()).isTrue();
        assertThat(o.get("owner").asText()).isEqualTo(performAs);
        assertThat(o.get("sourcedBy").asText()).isEqualTo(performAs);
        assertThat(o.get("tags").get(0).asText()).isEqualTo("Test Board");
        assertThat(o.get("phones").get(0).get("type").asText()).isEqualTo("mobile");
        String id = o.get("id").asText();

        // by canonicalised email (case differs), and by id
        Res byEmail = get("/v1/opportunities?email=ada.lovelace@example.COM", auth);
        assertThat(byEmail.status()).isEqualTo(200);
        assertShape(byEmail.json(), "listEnvelope");
        assertThat(byEmail.json().get("data")).hasSize(1);
        assertThat(byEmail.json().get("data").get(0).get("id").asText()).isEqualTo(id);
        Res byId = get("/v1/opportunities/" + id, auth);
        assertOpportunityShape(byId.json().get("data"));
        assertThat(byId.json().get("data").get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(byId.json().get("data").get("emails").get(0).asText()).isEqualTo("Ada.Lovelace@Example.com");

        // tags and sources show up in the counts
        Res tags = get("/v1/tags", auth);
        tags.json().get("data").forEach(t -> assertShape(t, "tagCount"));
        assertThat(tags.json().get("data").toString()).contains("\"text\":\"Test Board\",\"count\":1");

        // no match is an empty 200 list, not a 404
        Res none = get("/v1/opportunities?email=nobody@example.com", auth);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("data")).isEmpty();
        assertThat(none.json().get("hasNext").asBoolean()).isFalse();
    }

    @Test
    void everyPostCreatesANewOpportunityAndDedupesTheContact() throws Exception {
        String posting = postingId("published");
        String body = "{\"name\":\"Grace Hopper\",\"emails\":[\"grace@example.com\"],\"postings\":[\"" + posting + "\"],\"origin\":\"applied\"}";
        Res first = send("POST", "/v1/opportunities?perform_as=" + performAs, auth, body);
        Res second = send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"G. Hopper\",\"emails\":[\"GRACE@example.com\"],\"origin\":\"sourced\"}");
        assertThat(first.json().get("deduped").asBoolean()).isFalse();
        assertThat(second.json().get("deduped").asBoolean()).isTrue();
        JsonNode a = first.json().get("data");
        JsonNode b = second.json().get("data");
        assertThat(b.get("id").asText()).isNotEqualTo(a.get("id").asText());
        assertThat(b.get("contact").asText()).isEqualTo(a.get("contact").asText());
        assertThat(b.get("name").asText()).as("the existing contact's data wins").isEqualTo("Grace Hopper");
        assertThat(a.get("applications")).hasSize(1);
        assertThat(get("/v1/opportunities?email=grace@example.com", auth).json().get("data")).hasSize(2);
        assertThat(get("/v1/opportunities?posting_id=" + posting + "&email=grace@example.com", auth).json().get("data")).hasSize(1);
        Res expanded = get("/v1/opportunities/" + a.get("id").asText() + "?expand=applications&expand=stage", auth);
        JsonNode app = expanded.json().get("data").get("applications").get(0);
        assertThat(app.get("posting").asText()).isEqualTo(posting);
        assertThat(app.get("opportunityId").asText()).isEqualTo(a.get("id").asText());
        assertShape(expanded.json().get("data").get("stage"), "stage");
    }

    @Test
    void refusesWhatLeverRefuses() throws Exception {
        String ok = "{\"name\":\"X\",\"emails\":[\"x@example.com\"]}";
        expectError(send("POST", "/v1/opportunities", auth, ok), 400, "BadRequestError");
        expectError(send("POST", "/v1/opportunities?perform_as=no-such-user", auth, ok), 403, "Forbidden");
        String deactivated = null;
        for (JsonNode u : get("/v1/users?includeDeactivated=true", auth).json().get("data")) {
            if (!u.get("deactivatedAt").isNull()) deactivated = u.get("id").asText();
        }
        assertThat(deactivated).isNotNull();
        expectError(send("POST", "/v1/opportunities?perform_as=" + deactivated, auth, ok), 403, "Forbidden");
        String p1 = postingId("published");
        String p2 = postingId("internal");
        String q = "/v1/opportunities?perform_as=" + performAs;
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"postings\":[\"" + p1 + "\",\"" + p2 + "\"]}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"stage\":\"no-such-stage\"}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"origin\":\"linkedin\"}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"createdAt\":" + (System.currentTimeMillis() + 3_600_000) + "}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"archived\":{\"archivedAt\":1}}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{\"name\":\"X\",\"emails\":\"x@example.com\"}"), 400, "BadRequestError");
        expectError(send("POST", q, auth, "{not json"), 400, "BadRequestError");
        expectError(send("POST", q + "&perform_as_posting_owner=true", auth, ok), 400, "BadRequestError");
        expectError(get("/v1/opportunities/no-such-id", auth), 404, "ResourceNotFound");
        expectError(get("/v1/opportunities?archived=maybe", auth), 400, "BadRequestError");
        // nothing was created by the refused requests
        assertThat(get("/v1/opportunities?email=x@example.com", auth).json().get("data")).isEmpty();
    }

    @Test
    void multipartCreateWithResumeAndPostingOwner() throws Exception {
        Res posting = get("/v1/postings/" + postingId("published"), auth);
        String postingId = posting.json().get("data").get("id").asText();
        String owner = posting.json().get("data").get("owner").asText();
        byte[] pdf = "%PDF-1.4 fake resume".getBytes(StandardCharsets.US_ASCII);
        MultipartBuilder mp = new MultipartBuilder()
                .field("name", "Katherine Johnson")
                .field("emails[]", "kj@example.com")
                .field("emails[]", "katherine@example.com")
                .field("tags[]", "Test Board")
                .field("sources[]", "Test Board")
                .field("phones[0][value]", "+1 555 0100")
                .field("phones[0][type]", "work")
                .field("postings[]", postingId)
                .field("origin", "applied")
                .file("resumeFile", "kj-resume.pdf", "application/pdf", pdf);
        Res r = sendMultipart("/v1/opportunities?perform_as=" + performAs + "&perform_as_posting_owner=true", auth, mp);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode o = r.json().get("data");
        assertOpportunityShape(o);
        assertThat(o.get("emails")).hasSize(2);
        assertThat(o.get("owner").asText()).isEqualTo(owner);
        assertThat(o.get("phones").get(0).get("value").asText()).isEqualTo("+1 555 0100");
        assertThat(o.get("phones").get(0).get("type").asText()).isEqualTo("work");
        assertThat(o.get("applications")).hasSize(1);
        JsonNode inspected = get("/_control/opportunities/" + o.get("id").asText(), auth).json();
        assertThat(inspected.get("files").get(0).get("name").asText()).isEqualTo("kj-resume.pdf");
        assertThat(inspected.get("files").get(0).get("size").asLong()).isEqualTo(pdf.length);
    }

    @Test
    void stageArchiveTagsFilesAndNotes() throws Exception {
        String id = send("POST", "/v1/opportunities?perform_as=" + performAs, auth,
                "{\"name\":\"Mary Jackson\",\"emails\":[\"mj@example.com\"]}").json().get("data").get("id").asText();
        String screened = null;
        for (JsonNode s : get("/v1/stages", auth).json().get("data")) {
            if (s.get("text").asText().equals("Screened")) screened = s.get("id").asText();
        }
        Res moved = send("PUT", "/v1/opportunities/" + id + "/stage?perform_as=" + performAs, auth, "{\"stage\":\"" + screened + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertOpportunityShape(moved.json().get("data"));
        assertThat(moved.json().get("data").get("stage").asText()).isEqualTo(screened);
        JsonNode changes = moved.json().get("data").get("stageChanges");
        assertThat(changes.get(changes.size() - 1).get("toStageId").asText()).isEqualTo(screened);
        assertThat(changes.get(changes.size() - 1).get("toStageIndex").asInt()).isEqualTo(5);
        expectError(send("PUT", "/v1/opportunities/" + id + "/stage", auth, "{\"stage\":\"a80bbbe0-0000-0000-0000-000000000000\"}"), 404, "ResourceNotFound");
        assertThat(get("/v1/opportunities?stage_id=" + screened + "&email=mj@example.com", auth).json().get("data")).hasSize(1);

        Res tagged = send("POST", "/v1/opportunities/" + id + "/addTags", auth, "{\"tags\":[\"UW Screened: PASSED\",\"Extra\"]}");
        assertThat(tagged.json().get("data").get("tags").toString()).contains("UW Screened: PASSED", "Extra");
        Res untagged = send("POST", "/v1/opportunities/" + id + "/removeTags", auth, "{\"tags\":[\"Extra\"]}");
        assertThat(untagged.json().get("data").get("tags").toString()).doesNotContain("Extra").contains("UW Screened: PASSED");
        assertThat(get("/v1/opportunities?tag=UW%20Screened:%20PASSED", auth).json().get("data")).hasSize(1);
        assertThat(get("/v1/opportunities?tag=uw%20screened:%20passed", auth).json().get("data")).as("tags are case-sensitive").isEmpty();
        Res sourced = send("POST", "/v1/opportunities/" + id + "/addSources", auth, "{\"sources\":[\"Test Board\"]}");
        assertThat(sourced.json().get("data").get("sources").toString()).contains("Test Board");

        String hired = null;
        List<String> nonHired = new ArrayList<>();
        Res reasons = get("/v1/archive_reasons", auth);
        for (JsonNode r : reasons.json().get("data")) {
            assertShape(r, "archiveReason");
            if (r.get("type").asText().equals("hired")) hired = r.get("id").asText();
            else nonHired.add(r.get("id").asText());
        }
        Res archived = send("PUT", "/v1/opportunities/" + id + "/archived", auth, "{\"reason\":\"" + nonHired.get(0) + "\"}");
        assertThat(archived.json().get("data").get("archived").get("reason").asText()).isEqualTo(nonHired.get(0));
        assertThat(get("/v1/opportunities?archived=true&email=mj@example.com", auth).json().get("data")).hasSize(1);
        Res unarchived = send("PUT", "/v1/opportunities/" + id + "/archived", auth, "{\"reason\":null}");
        assertThat(unarchived.json().get("data").get("archived").isNull()).isTrue();
        expectError(send("PUT", "/v1/opportunities/" + id + "/archived", auth, "{\"reason\":\"nope\"}"), 404, "ResourceNotFound");
        expectError(send("PUT", "/v1/opportunities/" + id + "/archived", auth, "{}"), 400, "BadRequestError");
        assertThat(send("PUT", "/v1/opportunities/" + id + "/archived", auth, "{\"reason\":\"" + hired + "\"}")
                .json().get("data").get("archived").get("reason").asText()).isEqualTo(hired);

        // files: multipart `file`, perform_as required, 30 MB limit
        byte[] pdf = "%PDF-1.4 transcript".getBytes(StandardCharsets.US_ASCII);
        Res noPerformer = sendMultipart("/v1/opportunities/" + id + "/files", auth,
                new MultipartBuilder().file("file", "t.pdf", "application/pdf", pdf));
        expectError(noPerformer, 400, "BadRequestError");
        Res file = sendMultipart("/v1/opportunities/" + id + "/files?perform_as=" + performAs, auth,
                new MultipartBuilder().file("file", "transcript.pdf", "application/pdf", pdf));
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertShape(file.json().get("data"), "file");
        assertThat(file.json().get("data").get("ext").asText()).isEqualTo(".pdf");
        assertThat(file.json().get("data").get("status").asText()).isEqualTo("processed");
        assertThat(file.json().get("data").get("size").asLong()).isEqualTo(pdf.length);
        expectError(sendMultipart("/v1/opportunities/" + id + "/files?perform_as=" + performAs, auth,
                new MultipartBuilder().file("file", "virus.exe", "application/octet-stream", pdf)), 400, "BadRequestError");
        byte[] big = new byte[30 * 1024 * 1024 + 1];
        Res tooBig = sendMultipart("/v1/opportunities/" + id + "/files?perform_as=" + performAs, auth,
                new MultipartBuilder().file("file", "huge.pdf", "application/pdf", big));
        expectError(tooBig, 413, "RequestEntityTooLarge");
        byte[] max = new byte[30 * 1024 * 1024];
        Res atLimit = sendMultipart("/v1/opportunities/" + id + "/files?perform_as=" + performAs, auth,
                new MultipartBuilder().file("file", "max.pdf", "application/pdf", max));
        assertThat(atLimit.status()).as("exactly 30 MB is allowed").isEqualTo(200);
        expectError(send("POST", "/v1/opportunities/" + id + "/files?perform_as=" + performAs, auth, "{}"), 400, "BadRequestError");

        // notes
        Res note = send("POST", "/v1/opportunities/" + id + "/notes?perform_as=" + performAs, auth,
                "{\"value\":\"Screening passed\",\"score\":4}");
        assertThat(note.status()).isEqualTo(201);
        assertShape(note.json().get("data"), "noteCreated");
        expectError(send("POST", "/v1/opportunities/" + id + "/notes", auth, "{\"value\":\"x\",\"score\":5}"), 400, "BadRequestError");
        JsonNode inspected = get("/_control/opportunities/" + id, auth).json();
        assertThat(inspected.get("notes").get(0).get("value").asText()).isEqualTo("Screening passed");
        assertThat(inspected.get("files")).hasSize(2);
    }

    @Test
    void referenceDataMatchesTheFactSheet() throws Exception {
        Res stages = get("/v1/stages", auth);
        assertShape(stages.json(), "listEnvelope");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode s : stages.json().get("data")) {
            assertShape(s, "stage");
            ids.add(s.get("id").asText());
            names.add(s.get("text").asText());
        }
        assertThat(ids).contains("lead-new", "lead-reached-out", "lead-responded", "applicant-new", "offer");
        assertThat(names).contains("Phone Screen", "Screened", "On-site Interview").doesNotContain("Hired");
        String screened = ids.get(names.indexOf("Screened"));
        assertThat(screened).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(get("/v1/stages/" + screened, auth).json().get("data").get("text").asText()).isEqualTo("Screened");
        expectError(get("/v1/stages/nope", auth), 404, "ResourceNotFound");

        Res reasons = get("/v1/archive_reasons", auth);
        long hired = 0;
        for (JsonNode r : reasons.json().get("data")) {
            assertShape(r, "archiveReason");
            assertThat(r.get("type").asText()).isIn("hired", "non-hired");
            assertThat(r.get("status").asText()).isIn("active", "inactive");
            if (r.get("type").asText().equals("hired")) hired++;
        }
        assertThat(hired).isEqualTo(1);
        assertThat(get("/v1/archive_reasons?type=hired", auth).json().get("data")).hasSize(1);
        expectError(get("/v1/archive_reasons?type=fired", auth), 400, "BadRequestError");

        Res users = get("/v1/users", auth);
        users.json().get("data").forEach(u -> assertShape(u, "user"));
        JsonNode first = users.json().get("data").get(0);
        assertThat(first.get("accessRole").asText()).isEqualTo("super admin");
        assertThat(first.get("email").asText()).isEqualTo("admin@demo.example");
        assertThat(users.json().get("data")).allSatisfy(u -> assertThat(u.get("deactivatedAt").isNull()).isTrue());
        JsonNode all = get("/v1/users?includeDeactivated=true", auth).json().get("data");
        assertThat(all.size()).isEqualTo(users.json().get("data").size() + 1);
        JsonNode integ = get("/v1/users?email=INTEGRATIONS@demo.example", auth).json().get("data");
        assertThat(integ).hasSize(1);
        assertThat(integ.get(0).get("accessRole").asText()).isEqualTo("admin");
        assertThat(get("/v1/users?accessRole=super%20admin", auth).json().get("data")).hasSize(1);
    }

    private static void expectError(Res r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertShape(r.json(), "error");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}
