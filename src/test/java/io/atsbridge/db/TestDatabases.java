package io.atsbridge.db;

import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Named;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The two databases the hub runs on, each fresh per call and migrated the way the application migrates it. */
public enum TestDatabases {
    H2("h2"), POSTGRESQL("postgresql");

    /** The vendor folder Spring Boot substitutes for {@code {vendor}} in spring.flyway.locations. */
    public final String vendor;

    TestDatabases(String vendor) {
        this.vendor = vendor;
    }

    /** An empty database: H2 in PostgreSQL mode as the embedded default configures it, or a real PostgreSQL 17. */
    public DataSource fresh() {
        if (this == H2) {
            // the flags of application.yaml's datasource URL; DB_CLOSE_DELAY keeps it alive between connections
            return new DriverManagerDataSource("jdbc:h2:mem:m_" + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        return PostgresSupport.newDatabase().dataSource();
    }

    /** Flyway with application.yaml's locations, {vendor} resolved as Spring Boot does. */
    public Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load();
    }

    public MigrateResult migrate(DataSource ds) {
        return flyway(ds).migrate();
    }

    public DataSource migrated() {
        DataSource ds = fresh();
        migrate(ds);
        return ds;
    }

    public static Stream<Named<TestDatabases>> both() {
        return Stream.of(Named.of("H2", H2), Named.of("PostgreSQL", POSTGRESQL));
    }
}
