package io.atsbridge.core.config;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camel components wired to Spring's infrastructure. */
@Configuration
public class CamelConfig {

    /**
     * camel-quartz on Spring Boot's scheduler: in-memory in the embedded default, the clustered JDBC job store on
     * PostgreSQL in {@code prod} (spring.quartz.*), so every instance shares one schedule.
     */
    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent q = new QuartzComponent();
        q.setScheduler(scheduler);
        q.setPrefixJobNameWithEndpointId(false);
        return q;
    }
}
