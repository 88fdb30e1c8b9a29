package io.atsbridge.core.provider;

import java.time.Instant;
import java.util.List;

/**
 * A connection's secrets, stored encrypted as one JSON document. {@link #toString()} never shows a value.
 *
 * @param onBehalfOf Greenhouse's On-Behalf-Of email, or the Lever user email to resolve to {@code perform_as}
 * @param webhookSecrets the secrets a webhook may be signed with (Greenhouse: the one we generated; Lever: tokens)
 */
public record Credentials(
        String apiKey,
        String onBehalfOf,
        String jobBoardToken,
        String accessToken,
        String refreshToken,
        Instant accessTokenExpiresAt,
        List<String> webhookSecrets) {

    public Credentials {
        webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
    }

    public static Credentials apiKey(String apiKey, String onBehalfOf) {
        return new Credentials(apiKey, onBehalfOf, null, null, null, null, List.of());
    }

    public boolean isOAuth() {
        return accessToken != null || refreshToken != null;
    }

    public Credentials withWebhookSecrets(List<String> secrets) {
        return new Credentials(apiKey, onBehalfOf, jobBoardToken, accessToken, refreshToken, accessTokenExpiresAt, secrets);
    }

    public Credentials withTokens(String access, String refresh, Instant expiresAt) {
        return new Credentials(apiKey, onBehalfOf, jobBoardToken, access, refresh, expiresAt, webhookSecrets);
    }

    @Override
    public String toString() {
        return "Credentials[****]";
    }
}
