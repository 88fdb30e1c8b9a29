package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import io.atsbridge.sandbox.lever.LeverModel.Webhook;
import io.atsbridge.sandbox.support.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lever's webhook deliveries (lever.md 7): the envelope {@code {id, triggeredAt, event, data, signature, token}},
 * signed as hex HMAC-SHA256 over {@code token + triggeredAt} with the webhook's signature token, sent with
 * {@code User-Agent: Lever-Webhooks}, retried five times on anything but 2xx.
 */
final class LeverWebhooks implements LeverEvents, AutoCloseable {
    /** Events that honour origin conditions (lever.md 7.1). */
    static final Set<String> ORIGIN_CONDITIONED = Set.of("applicationCreated", "candidateArchiveChange",
            "candidateHired", "candidateStageChange");

    private final ObjectMapper json;
    private final WebhookSender sender;

    LeverWebhooks(LeverSandboxProperties props, ObjectMapper json) {
        this.json = json;
        this.sender = new WebhookSender(props.getWebhookRetryDelays(), props.getWebhookTimeout(), 1000, "lever-sandbox-webhooks");
    }

    WebhookSender sender() { return sender; }

    /** Called under the account lock, right after the state change. */
    @Override
    public void emit(LeverAccount a, String event, Opportunity o, Map<String, Object> data) {
        if (!Boolean.TRUE.equals(a.eventGroups.get(event))) return;
        for (Webhook w : a.webhooks.values()) {
            if (!w.event.equals(event)) continue;
            if (o != null && w.origins != null && ORIGIN_CONDITIONED.contains(event) && !w.origins.contains(o.origin)) continue;
            deliver(a, w, event, data, false, null);
        }
    }

    /** Builds, signs and sends one envelope; {@code badSignature} sends a signature made with the wrong key. */
    List<WebhookSender.Delivery> deliverToAll(LeverAccount a, String event, Map<String, Object> data, boolean badSignature,
                                              String note) {
        List<WebhookSender.Delivery> out = new ArrayList<>();
        for (Webhook w : a.webhooks.values()) {
            if (w.event.equals(event)) out.add(deliver(a, w, event, data, badSignature, note));
        }
        return out;
    }

    WebhookSender.Delivery deliver(LeverAccount a, Webhook w, String event, Map<String, Object> data, boolean badSignature,
                                   String note) {
        long triggeredAt = a.now();
        String token = LeverAccount.randomToken(24); // 48 characters, fresh per delivery
        String key = badSignature ? w.signatureToken + "-wrong" : w.signatureToken;
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("id", LeverAccount.uuid());
        env.put("triggeredAt", triggeredAt);
        env.put("event", event);
        env.put("data", data);
        env.put("signature", sign(key, token, triggeredAt));
        env.put("token", token);
        byte[] body;
        try {
            body = json.writeValueAsBytes(env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Lever-Webhooks");
        headers.put("Content-Type", "application/json");
        return sender.send(a.id, event, w.url, body, headers, note);
    }

    /** Lever's signature: lower-case hex HMAC-SHA256, keyed with the signature token, over token + triggeredAt. */
    static String sign(String signatureToken, String token, long triggeredAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signatureToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((token + triggeredAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void setRetryDelays(List<Duration> delays) {
        sender.setRetryDelays(delays);
    }

    @Override
    public void close() {
        sender.close();
    }
}
