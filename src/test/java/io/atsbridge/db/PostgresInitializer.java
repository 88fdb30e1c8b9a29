package io.atsbridge.db;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a real PostgreSQL (one database shared by every context that uses this
 * initializer, so Spring's context cache can reuse them). Use with
 * {@code @ContextConfiguration(initializers = PostgresInitializer.class)}.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static PostgresSupport.Database database;

    private static synchronized PostgresSupport.Database database() {
        if (database == null) {
            database = PostgresSupport.newDatabase();
        }
        return database;
    }

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        PostgresSupport.Database db = database();
        TestPropertyValues.of("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=").applyTo(ctx);
    }
}
