package io.atsbridge.api;

import io.atsbridge.core.webhook.WebhookService;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/{provider}/{connectionId}}: what ATSs call. Verified on the raw bytes, stored durably, then
 * answered: 200 accepted or duplicate, 401 forged, 404 unknown connection, 413 too large. Processing happens later,
 * from the table.
 */
@Component
public class WebhookIntakeRoute extends RouteBuilder {
    private final ApiSupport api;
    private final WebhookService webhooks;

    public WebhookIntakeRoute(ApiSupport api, WebhookService webhooks) {
        this.api = api;
        this.webhooks = webhooks;
    }

    @Override
    public void configure() {
        from("platform-http:/webhooks/{provider}/{connectionId}?httpMethodRestrict=POST").routeId("core-webhook-intake")
                .routeConfigurationId(ApiErrors.ID)
                .removeHeaders("Authorization|Cookie")
                .process(e -> {
                    String provider = api.path(e, "provider");
                    String connectionId = api.path(e, "connectionId");
                    byte[] body = api.bytes(e);
                    WebhookService.Verdict v = webhooks.receive(provider, connectionId, httpHeaders(e), body);
                    switch (v) {
                        case REJECTED -> api.respond(e, 401, ApiErrors.body("invalid_signature", "the webhook signature does not verify", null));
                        case DUPLICATE -> api.respond(e, 200, Map.of("status", "duplicate"));
                        case ACCEPTED -> api.respond(e, 200, Map.of("status", "accepted"));
                    }
                });
    }

    private static Map<String, String> httpHeaders(Exchange e) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        e.getMessage().getHeaders().forEach((k, v) -> {
            if (v instanceof String s && !k.startsWith("Camel") && !k.equals("provider") && !k.equals("connectionId")) {
                h.put(k, s);
            }
        });
        return h;
    }
}
