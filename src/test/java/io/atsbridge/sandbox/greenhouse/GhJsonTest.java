package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Serialization and signature of webhook bodies, against a published vector and an independent HMAC. */
class GhJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String fixture(String name) throws IOException {
        try (InputStream in = GhJsonTest.class.getResourceAsStream("/fixtures/greenhouse/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** grnhse/greenhouse-api-docs#276: a real ping body, its secret and the signature Greenhouse sent. */
    @Test
    void reproducesThePublishedPingSignature() throws Exception {
        String raw = fixture("webhook-ping-issue-276.json");
        Map<?, ?> parsed = MAPPER.readValue(raw, LinkedHashMap.class);
        byte[] ours = GhJson.webhookBody(parsed);
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(raw);
        assertThat(GhJson.signature("1uSUju2H6AohOE7OQVaxeLT3O8Uxxuas", ours))
                .isEqualTo("sha256 395b1309fd37f0732d1ed11c15e03edd61b818918df6bf93be7c71bafb09c877");
    }

    @Test
    void escapesHtmlCharactersLowerCaseAndKeepsOtherUnicode() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", 7);
        payload.put("title", "R&D <Lead>");
        payload.put("content", "<p>Tom & \"Jerry\" café</p>");
        payload.put("job_id", null);
        payload.put("live", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "job_post_updated");
        body.put("payload", payload);
        String sent = new String(GhJson.webhookBody(body), StandardCharsets.UTF_8);
        assertThat(sent).isEqualTo("{\"action\":\"job_post_updated\",\"payload\":{\"id\":7,\"title\":\"R\\u0026D \\u003cLead\\u003e\","
                + "\"content\":\"\\u003cp\\u003eTom \\u0026 \\\"Jerry\\\" café\\u003c/p\\u003e\",\"job_id\":null,\"live\":true}}");
        // same data as the raw fixture, but only the escaped bytes carry the signature
        assertThat(MAPPER.readTree(sent)).isEqualTo(MAPPER.readTree(fixture("webhook-escaping-expected.raw.json")));
        byte[] unescaped = fixture("webhook-escaping-expected.raw.json").getBytes(StandardCharsets.UTF_8);
        String sig = GhJson.signature("s3cret", sent.getBytes(StandardCharsets.UTF_8));
        assertThat(sig).isEqualTo("sha256 " + hmacHex("s3cret", sent.getBytes(StandardCharsets.UTF_8)));
        assertThat(sig).isNotEqualTo("sha256 " + hmacHex("s3cret", unescaped));
    }

    @Test
    void entityEscapesBoardContent() {
        assertThat(GhJson.entityEscape("<p>A & \"B\" it's</p>"))
                .isEqualTo("&lt;p&gt;A &amp; &quot;B&quot; it&#39;s&lt;/p&gt;");
    }
}
