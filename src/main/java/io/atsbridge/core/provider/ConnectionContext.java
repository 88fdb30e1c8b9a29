package io.atsbridge.core.provider;

import java.util.Map;

/**
 * One company's connection as a provider sees it: decrypted credentials, settings and the provider's own state (e.g.
 * Lever's {@code perform_as} id). Never log or serialize it: {@link #toString()} hides the credentials.
 *
 * @param baseUrl the scheme and host that replace the ATS's own (DESIGN.md, baseUrl rule), or null for the real ATS
 * @param webhookUrl where the ATS must send this connection's webhooks (for providers that register them by API)
 */
public record ConnectionContext(
        String connectionId,
        String companyId,
        String provider,
        String baseUrl,
        String webhookUrl,
        Credentials credentials,
        ConnectionSettings settings,
        Map<String, String> providerState,
        ConnectionStateWriter stateWriter) {

    public ConnectionContext {
        providerState = providerState == null ? Map.of() : Map.copyOf(providerState);
        settings = settings == null ? ConnectionSettings.defaults() : settings;
        stateWriter = stateWriter == null ? ConnectionStateWriter.NONE : stateWriter;
    }

    /** {@code baseUrl} when set, else the provider's default root; never with a trailing slash. */
    public String root(String defaultRoot) {
        String r = baseUrl == null || baseUrl.isBlank() ? defaultRoot : baseUrl;
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    public String state(String key) {
        return providerState.get(key);
    }

    @Override
    public String toString() {
        return "ConnectionContext[" + connectionId + ", company=" + companyId + ", provider=" + provider + "]";
    }
}
