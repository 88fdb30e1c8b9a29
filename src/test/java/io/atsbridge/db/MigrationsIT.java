package io.atsbridge.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway builds the same canonical schema on H2 and on PostgreSQL; only PostgreSQL gets Quartz's tables. */
class MigrationsIT {
    private static final Set<String> CANONICAL = Set.of("connection", "job", "job_link", "sync_run", "sync_seen", "delivery",
            "webhook_receipt", "event", "candidate_ref", "application_ref");
    private static final Set<String> QUARTZ = Set.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
            "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_fired_triggers",
            "qrtz_scheduler_state", "qrtz_locks");

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void migratesFromEmptyAndASecondRunIsANoOp(TestDatabases db) {
        DataSource ds = db.fresh();
        MigrateResult first = db.migrate(ds);
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);

        Set<String> tables = tables(ds);
        assertThat(tables).containsAll(CANONICAL);
        if (db == TestDatabases.POSTGRESQL) {
            assertThat(tables).containsAll(QUARTZ);
        } else {
            assertThat(tables).doesNotContainAnyElementsOf(QUARTZ); // H2 keeps Quartz in memory
        }

        assertThat(db.migrate(ds).migrationsExecuted).isZero();
        db.flyway(ds).validate();
    }

    @Test
    void theVendorMigrationsDoNotCollideWithTheCommonOnes() {
        DataSource ds = TestDatabases.POSTGRESQL.migrated();
        List<String> versions = Arrays.stream(TestDatabases.POSTGRESQL.flyway(ds).info().applied())
                .map(MigrationInfo::getVersion).map(Object::toString).toList();
        assertThat(versions).doesNotHaveDuplicates().contains("1", "2");
        // the canonical tables are identical on both databases: same columns, same order
        DataSource h2 = TestDatabases.H2.migrated();
        for (String table : CANONICAL) {
            assertThat(columns(h2, table)).as(table).isEqualTo(columns(ds, table));
        }
    }

    @Test
    void quartzTablesHaveTheColumnsTheJdbcJobStoreQueries() {
        DataSource ds = TestDatabases.POSTGRESQL.migrated();
        // the columns StdJDBCDelegate reads and writes most, spelled as Quartz's StdJDBCConstants do
        assertThat(columns(ds, "qrtz_triggers")).contains("sched_name", "trigger_name", "trigger_group", "job_name", "job_group",
                "next_fire_time", "prev_fire_time", "priority", "trigger_state", "trigger_type", "start_time", "end_time",
                "calendar_name", "misfire_instr", "job_data");
        assertThat(columns(ds, "qrtz_fired_triggers")).contains("entry_id", "instance_name", "fired_time", "sched_time", "state",
                "is_nonconcurrent", "requests_recovery");
        assertThat(columns(ds, "qrtz_scheduler_state")).containsExactly("sched_name", "instance_name", "last_checkin_time", "checkin_interval");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // PostgreSQLDelegate stores job data as bytea; the upper-case names Quartz uses resolve to these tables
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_name = 'qrtz_job_details' "
                + "and column_name = 'job_data'", String.class)).isEqualTo("bytea");
        jdbc.update("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('atsbridge', 'TRIGGER_ACCESS')");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_LOCKS WHERE SCHED_NAME = 'atsbridge'", Integer.class)).isEqualTo(1);
    }

    static Set<String> tables(DataSource ds) {
        return new TreeSet<>(new JdbcTemplate(ds).queryForList(
                "select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'", String.class));
    }

    static List<String> columns(DataSource ds, String table) {
        return new JdbcTemplate(ds).queryForList("select lower(column_name) from information_schema.columns "
                + "where lower(table_schema) = 'public' and lower(table_name) = ? order by ordinal_position", String.class, table);
    }
}
