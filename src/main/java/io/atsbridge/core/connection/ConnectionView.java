package io.atsbridge.core.connection;

import io.atsbridge.core.provider.ConnectionSettings;
import java.time.Instant;
import java.util.Map;

/** A connection as the board sees it: never a credential. */
public record ConnectionView(String id, String companyId, String provider, String status, String statusReason, String account,
                             String connectedBy, Instant connectedAt, Instant revokedAt, Instant lastSyncAt, Instant nextSyncAt,
                             String baseUrl, Map<String, Object> webhook, ConnectionSettings settings) { }
