package io.atsbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atsbridge.core.HubException;
import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.connection.ConnectionView;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The providers list and a company's connection: {@code GET /providers}, {@code PUT/GET/DELETE .../connection}. */
@Component
public class ConnectionApi extends RouteBuilder {
    private final ApiSupport api;
    private final ConnectionService connections;
    private final ProviderRegistry providers;

    public ConnectionApi(ApiSupport api, ConnectionService connections, ProviderRegistry providers) {
        this.api = api;
        this.connections = connections;
        this.providers = providers;
    }

    @Override
    public void configure() {
        from("platform-http:/api/v1/providers?httpMethodRestrict=GET").routeId("core-api-providers")
                .routeConfigurationId(ApiErrors.ID)
                .process(e -> api.respond(e, 200, Map.of("providers", providers.all().stream().map(AtsProvider::descriptor).toList())));

        from("platform-http:/api/v1/companies/{companyId}/connection?httpMethodRestrict=PUT").routeId("core-api-connection-put")
                .routeConfigurationId(ApiErrors.ID)
                .removeHeaders("Authorization|Cookie")
                .process(e -> {
                    String company = api.path(e, "companyId");
                    ObjectNode json = api.object(e);
                    JsonNode rotate = json.get("rotateWebhookSecret");
                    if (rotate != null && !rotate.isNull() && !rotate.isBoolean()) {
                        throw HubException.badRequest("rotateWebhookSecret", "rotateWebhookSecret must be true or false");
                    }
                    ConnectionService.Connected c = connections.connect(company, request(json), rotate != null && rotate.asBoolean(false));
                    Map<String, Object> body = asMap(c.view());
                    Map<String, Object> webhook = new LinkedHashMap<>(c.view().webhook());
                    // shown once, when generated; a reconnect keeps the secret the ATS admin already configured
                    webhook.put("secret", c.webhookSecret());
                    webhook.put("secretShownOnce", c.webhookSecret() != null);
                    body.put("webhook", webhook);
                    api.respond(e, c.created() ? 201 : 200, body);
                });

        from("platform-http:/api/v1/companies/{companyId}/connection?httpMethodRestrict=GET").routeId("core-api-connection-get")
                .routeConfigurationId(ApiErrors.ID)
                .removeHeaders("Authorization|Cookie")
                .process(e -> {
                    String company = api.path(e, "companyId");
                    ConnectionView v = connections.find(company)
                            .orElseThrow(() -> HubException.notFound("company " + company + " has no ATS connection"));
                    api.respond(e, 200, v);
                });

        from("platform-http:/api/v1/companies/{companyId}/connection?httpMethodRestrict=DELETE").routeId("core-api-connection-delete")
                .routeConfigurationId(ApiErrors.ID)
                .removeHeaders("Authorization|Cookie")
                .process(e -> {
                    String company = api.path(e, "companyId");
                    connections.revoke(company);
                    api.respond(e, 200, connections.find(company).orElseThrow());
                });
    }

    private ConnectRequest request(ObjectNode body) {
        String provider = ApiSupport.text(body, "provider");
        List<String> secrets = new ArrayList<>();
        JsonNode ws = body.get("webhookSecrets");
        if (ws != null && !ws.isNull()) {
            if (!ws.isArray()) {
                throw HubException.badRequest("webhookSecrets", "webhookSecrets must be an array of strings");
            }
            ws.forEach(s -> {
                if (!s.isTextual() || s.asText().isBlank()) {
                    throw HubException.badRequest("webhookSecrets", "webhookSecrets must be an array of non-empty strings");
                }
                secrets.add(s.asText().trim());
            });
        }
        JsonNode settings = body.get("settings");
        ConnectionSettings s = settings == null || settings.isNull() ? null : api.convert(settings, ConnectionSettings.class, "settings");
        if (s != null && s.syncIntervalMinutes() != null && (s.syncIntervalMinutes() < 5 || s.syncIntervalMinutes() > 10080)) {
            throw HubException.badRequest("settings.syncIntervalMinutes", "syncIntervalMinutes must be between 5 and 10080");
        }
        return new ConnectRequest(provider, ApiSupport.optText(body, "apiKey"), ApiSupport.optText(body, "onBehalfOf"),
                ApiSupport.optText(body, "jobBoardToken"), secrets, ApiSupport.optText(body, "baseUrl"),
                ApiSupport.text(body, "connectedBy"), s, null, null, null);
    }

    private Map<String, Object> asMap(ConnectionView v) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = api.json().convertValue(v, LinkedHashMap.class);
        return m;
    }
}
