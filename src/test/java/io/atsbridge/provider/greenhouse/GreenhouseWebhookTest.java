package io.atsbridge.provider.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.Credentials;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.provider.greenhouse.webhook.SignatureVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's webhook seam: verdict, dedupe key and event type, and signals only after that. */
class GreenhouseWebhookTest {
    private final GreenhouseProvider provider = new GreenhouseProvider(null, new GreenhouseProperties(), List.of());
    private final ConnectionContext ctx = new ConnectionContext("con_1", "acme", "greenhouse", null, null,
            new Credentials("k", "ops@acme.example", null, null, null, null, List.of("generated-secret", "admin-secret")),
            null, Map.of(), null);

    @Test
    void signedDeliveryIsValidWithItsEventIdAsDedupeKey() throws Exception {
        byte[] raw = Fixtures.bytes("webhook-reject-candidate.json");
        WebhookRequest req = new WebhookRequest(Map.of("signature", "sha256 " + SignatureVerifier.hmacHex("admin-secret", raw),
                "greenhouse-event-id", "evt-123"), raw);
        WebhookCheck check = provider.verifyWebhook(ctx, req);
        assertThat(check).isEqualTo(WebhookCheck.valid("evt-123", "reject_candidate"));
        assertThat(provider.parseWebhook(ctx, req)).hasSize(1);
    }

    @Test
    void withoutAnEventIdTheBodyHashDedupes() {
        byte[] raw = Fixtures.bytes("webhook-ping.json");
        WebhookRequest req = new WebhookRequest(Map.of("Signature", "sha256 " + SignatureVerifier.hmacHex("generated-secret", raw)), raw);
        WebhookCheck check = provider.verifyWebhook(ctx, req);
        assertThat(check.valid()).isTrue();
        assertThat(check.eventType()).isEqualTo("ping");
        assertThat(check.dedupeKey()).isEqualTo("sha256:" + SignatureVerifier.sha256Hex(raw));
    }

    @Test
    void badSignatureIsInvalidAndNamesNoKey() {
        byte[] raw = Fixtures.bytes("webhook-ping.json");
        WebhookCheck check = provider.verifyWebhook(ctx, new WebhookRequest(Map.of("Signature", "sha256 " + SignatureVerifier.hmacHex("wrong", raw),
                "Greenhouse-Event-ID", "evt-1"), raw));
        assertThat(check.valid()).isFalse();
        assertThat(check.dedupeKey()).isNull();
        assertThat(check.reason()).isEqualTo("signature does not match");
    }
}
