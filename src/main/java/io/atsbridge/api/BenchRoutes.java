package io.atsbridge.api;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmarks only ({@code atsbridge.bench.enabled=true}): a bare platform-http route that reads the body and answers
 * 200, the baseline the webhook intake is measured against (bench/webhook-intake.sh).
 */
@Component
@ConditionalOnProperty(name = "atsbridge.bench.enabled", havingValue = "true")
public class BenchRoutes extends RouteBuilder {
    @Override
    public void configure() {
        from("platform-http:/webhooks/bench/noop?httpMethodRestrict=POST").routeId("core-bench-noop")
                .removeHeaders("*")
                .setHeader("Content-Type", constant("application/json"))
                .setBody(constant("{\"status\":\"ok\"}"));
    }
}
