package io.atsbridge.core.connection;

import io.atsbridge.core.provider.ConnectionSettings;
import java.util.List;

/** {@code PUT /api/v1/companies/{companyId}/connection} (DESIGN.md). {@link #toString()} hides the key. */
public record ConnectRequest(String provider, String apiKey, String onBehalfOf, String jobBoardToken,
                             List<String> webhookSecrets, String baseUrl, String connectedBy, ConnectionSettings settings,
                             String accessToken, String refreshToken, java.time.Instant accessTokenExpiresAt) {
    @Override
    public String toString() {
        return "ConnectRequest[provider=" + provider + ", connectedBy=" + connectedBy + "]";
    }
}
