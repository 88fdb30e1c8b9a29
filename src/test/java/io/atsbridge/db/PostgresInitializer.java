package io.atsbridge.db;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a real PostgreSQL: a database of its own per context (two contexts on one
 * database would be two instances sharing the outbox, each with its own settings). Use with
 * {@code @ContextConfiguration(initializers = PostgresInitializer.class)}; Spring's context cache still reuses it.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        PostgresSupport.Database db = PostgresSupport.newDatabase();
        TestPropertyValues.of("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=").applyTo(ctx);
    }
}
