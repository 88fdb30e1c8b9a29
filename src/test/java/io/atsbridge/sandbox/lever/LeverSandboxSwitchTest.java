package io.atsbridge.sandbox.lever;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The simulator exists only with {@code atsbridge.sandbox.enabled=true} (off in prod), and starts cleanly when on. */
class LeverSandboxSwitchTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(LeverSandboxConfig.class, LeverDataApiController.class, LeverOAuthController.class,
                    LeverControlController.class, LeverPostingsV0Controller.class, LeverErrorAdvice.class);

    @Test
    void offMeansNoSimulatorBeans() {
        runner.withPropertyValues("atsbridge.sandbox.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(LeverAccounts.class);
            assertThat(ctx).doesNotHaveBean(LeverDataApiController.class);
            assertThat(ctx).doesNotHaveBean(LeverControlController.class);
            assertThat(ctx).doesNotHaveBean(LeverOAuthController.class);
        });
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(LeverAccounts.class)); // absent property = off
    }

    @Test
    void onMeansTheWholeSimulator() {
        runner.withPropertyValues("atsbridge.sandbox.enabled=true").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(LeverAccounts.class);
            assertThat(ctx).hasSingleBean(LeverDataApiController.class);
            assertThat(ctx).hasSingleBean(LeverPostingsV0Controller.class);
        });
    }
}
