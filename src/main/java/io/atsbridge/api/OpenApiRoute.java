package io.atsbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/openapi.json}: the board API contract (src/main/resources/openapi/atsbridge-api.json), public so
 * a board's developers and tools can read it without a token. OpenApiContractTest keeps it in step with the routes.
 */
@Component
public class OpenApiRoute extends RouteBuilder {
    static final String DOCUMENT = "openapi/atsbridge-api.json";

    @Override
    public void configure() {
        byte[] doc = load(); // read once: a missing document fails the start, not the first request
        from("platform-http:/api/v1/openapi.json?httpMethodRestrict=GET").routeId("core-api-openapi")
                .removeHeaders("*") // platform-http would echo request headers back
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(doc));
    }

    private static byte[] load() {
        try (InputStream in = OpenApiRoute.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + DOCUMENT + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + DOCUMENT, e);
        }
    }
}
