package io.atsbridge.core;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code core-error-handling}: the error policy every provider flow references. A flow does not retry or log in
 * Camel: it hands its {@link io.atsbridge.core.provider.AtsException} straight back to the delivery engine, which
 * classifies it, retries it on the durable schedule kept in the outbox row, and logs it once.
 */
@Component
public class ErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "core-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
