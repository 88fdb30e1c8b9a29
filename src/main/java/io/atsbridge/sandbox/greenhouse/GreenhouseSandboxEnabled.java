package io.atsbridge.sandbox.greenhouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Every bean of the Greenhouse simulator carries this, so {@code atsbridge.sandbox.enabled=false} removes all of it. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
public @interface GreenhouseSandboxEnabled {
}
