package io.atsbridge.sandbox.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The simulator exists only with atsbridge.sandbox.enabled=true (off in prod). */
class GreenhouseSandboxConditionTest {

    @Configuration
    @EnableConfigurationProperties(GreenhouseSandboxProperties.class)
    static class Props {
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(Props.class, GreenhouseSandboxConfig.class, GreenhouseSandboxStore.class,
                    GreenhouseSandboxWebhooks.class, GreenhouseSandboxService.class, GreenhouseSandboxAdmin.class,
                    GreenhouseSandboxIngestionController.class, GreenhouseSandboxJobBoardController.class,
                    GreenhouseSandboxHarvestController.class, GreenhouseSandboxControlController.class);

    @Test
    void absentUnlessEnabled() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(GreenhouseSandboxStore.class)
                .doesNotHaveBean(GreenhouseSandboxIngestionController.class).doesNotHaveBean("greenhouseSandboxFaultFilter"));
        runner.withPropertyValues("atsbridge.sandbox.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(GreenhouseSandboxControlController.class));
        runner.withPropertyValues("atsbridge.sandbox.enabled=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(GreenhouseSandboxStore.class)
                        .hasSingleBean(GreenhouseSandboxControlController.class).hasBean("greenhouseSandboxFaultFilter"));
    }
}
