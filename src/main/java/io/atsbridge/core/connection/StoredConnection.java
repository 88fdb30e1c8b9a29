package io.atsbridge.core.connection;

import java.time.Instant;

/** A connection row as stored; {@code sealedCredentials} and {@code sealedWebhookSecret} are ciphertext. */
public record StoredConnection(
        String id, String companyId, String provider, String status, String statusReason, String baseUrl,
        String sealedCredentials, String sealedWebhookSecret, String settingsJson, String providerStateJson,
        String accountLabel, String connectedBy, Instant connectedAt, Instant revokedAt, Instant lastSyncAt,
        Instant nextSyncAt, Instant updatedAt) {

    public boolean active() {
        return "active".equals(status);
    }

    @Override
    public String toString() {
        return "StoredConnection[" + id + ", company=" + companyId + ", provider=" + provider + ", status=" + status + "]";
    }
}
