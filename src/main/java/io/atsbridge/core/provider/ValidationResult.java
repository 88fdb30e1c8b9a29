package io.atsbridge.core.provider;

import java.util.List;
import java.util.Map;

/**
 * What a successful credential check learned.
 *
 * @param accountLabel who we will act as in the ATS (shown on the connection), e.g. "Integration User (ops@acme.com)"
 * @param providerState ids later calls need (Lever {@code performAs}); stored unencrypted: no secrets here
 * @param webhookSecrets signature tokens the provider registered itself (Lever webhooks via the API), if any
 */
public record ValidationResult(String accountLabel, Map<String, String> providerState, List<String> webhookSecrets) {
    public ValidationResult {
        providerState = providerState == null ? Map.of() : Map.copyOf(providerState);
        webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
    }
}
