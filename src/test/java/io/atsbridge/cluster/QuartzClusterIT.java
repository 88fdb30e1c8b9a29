package io.atsbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atsbridge.AtsBridgeApplication;
import io.atsbridge.db.PostgresSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the hub in the {@code prod} profile on one PostgreSQL: Quartz runs clustered on its JDBC job store,
 * so every firing of the import schedule happens on exactly one of them. Without clustering each instance would fire
 * every tick and this test would see each fire time twice.
 */
class QuartzClusterIT {
    private static final Map<String, List<Long>> FIRES = new ConcurrentHashMap<>();
    private final List<ConfigurableApplicationContext> instances = new CopyOnWriteArrayList<>();

    private ConfigurableApplicationContext start(String name, PostgresSupport.Database db) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AtsBridgeApplication.class)
                .profiles("prod")
                .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(), "--spring.datasource.password=",
                        "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false", "--camel.main.jmx-enabled=false",
                        "--management.endpoints.web.exposure.include=health",
                        "--atsbridge.api.tokens=cluster-token", "--atsbridge.security.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "--atsbridge.jobs.tick-cron=0/1 * * * * ?");
        CamelContext camel = ctx.getBean(CamelContext.class);
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCreatedEvent e && "core-job-import-schedule".equals(e.getExchange().getFromRouteId())) {
                    java.util.Date fired = e.getExchange().getMessage().getHeader("fireTime", java.util.Date.class);
                    FIRES.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(fired == null ? -1 : fired.getTime());
                }
            }
        });
        instances.add(ctx);
        return ctx;
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eachScheduledTickFiresOnOneInstanceOnly() throws Exception {
        PostgresSupport.Database db = PostgresSupport.newDatabase();
        ConfigurableApplicationContext a = start("a", db);
        ConfigurableApplicationContext b = start("b", db);
        assertThat(a.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
        FIRES.clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> FIRES.values().stream().mapToInt(List::size).sum() >= 6);
        List<Long> all = new java.util.ArrayList<>();
        FIRES.values().forEach(all::addAll);
        assertThat(all).doesNotContain(-1L).doesNotHaveDuplicates();
        // both instances took part over time or one held the trigger; either way no tick ran twice
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("select count(*) from qrtz_triggers", Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(b.isActive()).isTrue();
    }
}
