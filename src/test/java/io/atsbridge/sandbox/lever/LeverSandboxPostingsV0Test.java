package io.atsbridge.sandbox.lever;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public Postings API v0 (lever.md 8, 12.9): public postings only, v0 names, apply with key and 2/s. */
class LeverSandboxPostingsV0Test extends LeverSandboxTestBase {
    private String key;
    private String site;

    @BeforeEach
    void account() throws Exception {
        key = newAccountKey();
        site = get("/_control/account", basic(key)).json().get("site").asText();
    }

    @Test
    void listsOnlyPublishedPublicPostingsInV0Names() throws Exception {
        Res r = get("/v0/postings/" + site + "?mode=json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        int v1Public = get("/v1/postings?state=published", basic(key)).json().get("data").size();
        assertThat(r.json()).hasSize(v1Public);
        JsonNode p = r.json().get(0);
        assertThat(LeverSandboxTestBase.fieldNames(p)).contains("hostedUrl", "applyUrl", "descriptionPlain", "additional",
                "lists", "categories", "createdAt", "workplaceType").doesNotContain("state", "urls", "content");
        for (JsonNode x : r.json()) assertThat(x.get("workplaceType").asText()).isNotEqualTo("onsite");
        assertThat(r.json()).anyMatch(x -> x.get("workplaceType").asText().equals("on-site"));
        JsonNode one = get("/v0/postings/" + site + "/" + p.get("id").asText(), null).json();
        assertThat(one.get("id").asText()).isEqualTo(p.get("id").asText());
        assertThat(get("/v0/postings/" + site + "?mode=json&limit=2&skip=1", null).json()).hasSize(2);

        Res missing = get("/v0/postings/no-such-site?mode=json", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("ok").asBoolean()).isFalse();
        assertThat(missing.json().get("error").asText()).isEqualTo("Document not found");
        String closed = get("/v1/postings?state=closed", basic(key)).json().get("data").get(0).get("id").asText();
        assertThat(get("/v0/postings/" + site + "/" + closed, null).status()).isEqualTo(404);
    }

    @Test
    void applyNeedsTheKeyDedupesByEmailAndAllowsTwoPerSecond() throws Exception {
        String posting = get("/v0/postings/" + site + "?mode=json", null).json().get(0).get("id").asText();
        String body = "{\"name\":\"Pat Apply\",\"email\":\"pat@example.com\",\"source\":\"Test Board\"}";
        assertThat(send("POST", "/v0/postings/" + site + "/" + posting, null, body).status()).isEqualTo(401);
        Res ok = send("POST", "/v0/postings/" + site + "/" + posting + "?key=" + key, null, body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.json().get("applicationId").asText()).isNotBlank();
        Res second = sendMultipart("/v0/postings/" + site + "/" + posting + "?key=" + key, "Basic unused",
                new MultipartBuilder().field("name", "Pat Apply").field("email", "PAT@example.com")
                        .file("resume", "cv.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
        Res third = send("POST", "/v0/postings/" + site + "/" + posting + "?key=" + key, null, body);
        assertThat(second.status() == 429 || third.status() == 429).as("2 application POSTs per second").isTrue();
        JsonNode opps = get("/v1/opportunities?email=pat@example.com", basic(key)).json().get("data");
        assertThat(opps.size()).isBetween(1, 2);
        assertThat(opps.get(0).get("origin").asText()).isEqualTo("applied");
        assertThat(opps.get(0).get("applications")).hasSize(1);
        Thread.sleep(1100);
        assertThat(send("POST", "/v0/postings/" + site + "/" + posting + "?key=" + key, null, "{\"name\":\"No Email\"}").status())
                .isEqualTo(400);
    }
}
