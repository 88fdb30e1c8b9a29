package io.atsbridge.core.provider;

/**
 * The verdict on a webhook's signature. {@code dedupeKey} identifies the delivery for replay protection
 * (Greenhouse-Event-ID; Lever's per-delivery token or event id); {@code reason} says why it was refused.
 */
public record WebhookCheck(boolean valid, String dedupeKey, String eventType, String reason) {
    public static WebhookCheck valid(String dedupeKey, String eventType) {
        return new WebhookCheck(true, dedupeKey, eventType, null);
    }

    public static WebhookCheck invalid(String reason) {
        return new WebhookCheck(false, null, null, reason);
    }
}
