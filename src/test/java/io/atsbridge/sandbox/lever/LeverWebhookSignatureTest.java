package io.atsbridge.sandbox.lever;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The simulator signs exactly as lever.md 7.4 says; expected values were computed with openssl, not with this code. */
class LeverWebhookSignatureTest {
    @Test
    void matchesIndependentlyComputedVectors() {
        JsonNode vectors = LeverShapes.fixture("webhook-signature-vectors.json").get("vectors");
        assertThat(vectors.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode v : vectors) {
            String sig = LeverWebhooks.sign(v.get("signatureToken").asText(), v.get("token").asText(), v.get("triggeredAt").asLong());
            assertThat(sig).as(v.toString()).isEqualTo(v.get("signature").asText());
        }
    }

    @Test
    void theMessageIsTokenThenTriggeredAtAndNothingElse() {
        JsonNode v = LeverShapes.fixture("webhook-signature-vectors.json").get("vectors").get(1);
        String key = v.get("signatureToken").asText();
        String token = v.get("token").asText();
        long at = v.get("triggeredAt").asLong();
        String good = LeverWebhooks.sign(key, token, at);
        assertThat(LeverWebhooks.sign(key, token, at + 1)).isNotEqualTo(good);
        assertThat(LeverWebhooks.sign(key + "x", token, at)).isNotEqualTo(good);
        assertThat(LeverWebhooks.sign(key, token.substring(1), at)).isNotEqualTo(good);
        assertThat(good).matches("[0-9a-f]{64}");
    }
}
