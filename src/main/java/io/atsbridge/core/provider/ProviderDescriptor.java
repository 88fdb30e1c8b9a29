package io.atsbridge.core.provider;

import java.util.List;

/**
 * How a board admin connects this ATS, as {@code GET /api/v1/providers} shows it.
 *
 * @param authMethods {@code api_key}, {@code oauth}
 * @param permissions what the ATS admin must grant (and who can: "Greenhouse admin", "Lever Super Admin")
 * @param webhookEvents the ATS events to subscribe our webhook URL to
 */
public record ProviderDescriptor(
        String id,
        String name,
        List<String> authMethods,
        List<CredentialField> credentialFields,
        List<String> permissions,
        List<String> setupSteps,
        List<String> webhookEvents,
        String docsUrl) {

    /** A field of the connect request: {@code apiKey}, {@code onBehalfOf}, … */
    public record CredentialField(String name, String label, boolean required, boolean secret, String help) { }
}
