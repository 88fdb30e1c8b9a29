package io.atsbridge.core;

import io.atsbridge.core.delivery.DeliveryDispatcher;
import io.atsbridge.core.webhook.WebhookService;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The engine's loops as Camel routes, so operators see and control them in Hawtio (suspending
 * {@code core-delivery-dispatcher} pauses every outbound send; the outbox keeps accepting work).
 */
@Component
public class EngineRoutes extends RouteBuilder {
    @Override
    public void configure() {
        from("timer:core-delivery-dispatcher?delay=2000&period=10").routeId("core-delivery-dispatcher")
                .bean(DeliveryDispatcher.class, "dispatchDue").id("core-delivery-dispatcher-call");

        from("timer:core-webhook-processor?delay=2000&period=10").routeId("core-webhook-processor")
                .bean(WebhookService.class, "processPending").id("core-webhook-processor-call");
    }
}
