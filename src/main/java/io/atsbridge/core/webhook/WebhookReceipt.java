package io.atsbridge.core.webhook;

import java.time.Instant;

/** A webhook as stored: the raw bytes and headers, the signature verdict and what processing made of it. */
public record WebhookReceipt(long id, String connectionId, String provider, String dedupeKey, String eventType, String verdict,
                             String reason, String headersJson, byte[] body, int attempts, Instant receivedAt, Instant processedAt) { }
