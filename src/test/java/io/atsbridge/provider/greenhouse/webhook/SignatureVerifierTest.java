package io.atsbridge.provider.greenhouse.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.provider.greenhouse.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final String SECRET = "4f1c0e9a2b7d";

    @Test
    void hmacMatchesTheRfc4231Vector() {
        // RFC 4231 test case 2: an independent check that this is HMAC-SHA256 in lower-case hex
        assertThat(SignatureVerifier.hmacHex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsARealGreenhouseDelivery() {
        // grnhse/greenhouse-api-docs#276: a ping body as Greenhouse sent it, its secret and the Signature header it carried
        byte[] raw = Fixtures.bytes("webhook-ping-issue-276.json");
        assertThat(SignatureVerifier.check("sha256 395b1309fd37f0732d1ed11c15e03edd61b818918df6bf93be7c71bafb09c877", raw,
                List.of("1uSUju2H6AohOE7OQVaxeLT3O8Uxxuas"))).isNull();
    }

    @Test
    void verifiesOverTheRawBytesAndNotOverReSerializedJson() throws Exception {
        byte[] raw = Fixtures.bytes("webhook-new-candidate-application.json");
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\\u003cp\\u003e").contains("\\u0026");
        String header = "sha256 " + SignatureVerifier.hmacHex(SECRET, raw);

        assertThat(SignatureVerifier.check(header, raw, List.of(SECRET))).isNull();

        // what a framework that parses first would hand us: same JSON value, different bytes
        ObjectMapper json = new ObjectMapper();
        byte[] reserialized = json.writeValueAsBytes(json.readTree(raw));
        assertThat(json.readTree(reserialized)).isEqualTo(json.readTree(raw));
        assertThat(SignatureVerifier.check(header, reserialized, List.of(SECRET))).isEqualTo("signature does not match");

        byte[] withNewline = (new String(raw, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(SignatureVerifier.check(header, withNewline, List.of(SECRET))).isNotNull();
    }

    @Test
    void anyConfiguredSecretMayVerifyAndTheHeaderIsSplitOnTheFirstSpace() {
        byte[] raw = Fixtures.bytes("webhook-ping.json");
        String hex = SignatureVerifier.hmacHex("second", raw);
        assertThat(SignatureVerifier.check("sha256 " + hex, raw, List.of("first", "second"))).isNull();
        assertThat(SignatureVerifier.check("sha256 " + hex.toUpperCase(), raw, List.of("second"))).isNull();
        assertThat(SignatureVerifier.check("sha256 " + hex, raw, List.of("first"))).isEqualTo("signature does not match");
    }

    @Test
    void refusesMalformedHeadersAndMissingSecrets() {
        byte[] raw = Fixtures.bytes("webhook-ping.json");
        String hex = SignatureVerifier.hmacHex(SECRET, raw);
        assertThat(SignatureVerifier.check(null, raw, List.of(SECRET))).contains("missing");
        assertThat(SignatureVerifier.check(hex, raw, List.of(SECRET))).contains("malformed");
        assertThat(SignatureVerifier.check("sha1 " + hex, raw, List.of(SECRET))).contains("unsupported");
        // the lstrip("sha256 ") bug of issue #469: a prefix is not a character set
        assertThat(SignatureVerifier.check("sha256" + hex, raw, List.of(SECRET))).isNotNull();
        assertThat(SignatureVerifier.check("sha256 " + hex, raw, List.of())).contains("no webhook secret");
        assertThat(SignatureVerifier.check("sha256 " + hex.substring(1), raw, List.of(SECRET))).isEqualTo("signature does not match");
    }
}
