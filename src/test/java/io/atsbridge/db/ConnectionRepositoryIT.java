package io.atsbridge.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.connection.StoredConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The connection store behaves the same on H2 (embedded default) and PostgreSQL (prod). */
class ConnectionRepositoryIT {
    // microsecond precision: what both databases keep of a timestamp
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456Z");

    private static StoredConnection row(String id, String company, String provider, Instant nextSync) {
        return new StoredConnection(id, company, provider, "active", null, "http://localhost:9/sandbox/" + provider,
                "v1:sealed-creds", "v1:sealed-secret", "{\"syncIntervalMinutes\":60}", "{\"performAs\":\"u-1\"}",
                "Acme on " + provider, "admin@acme.example", T0, null, null, nextSync, T0);
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void insertAndFindRoundTripEveryColumn(TestDatabases db) {
        ConnectionRepository repo = new ConnectionRepository(new JdbcTemplate(db.migrated()));
        StoredConnection c = row("con_1", "acme", "lever", T0.plusSeconds(60));
        repo.insert(c);

        assertThat(repo.findByCompany("acme")).contains(c);
        assertThat(repo.findById("con_1")).contains(c);
        assertThat(repo.findByCompany("globex")).isEmpty();
        assertThat(repo.findActive()).extracting(StoredConnection::id).containsExactly("con_1");
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void reconnectKeepsTheIdAndRetiresJobsOfTheOtherProvider(TestDatabases db) {
        JdbcTemplate jdbc = new JdbcTemplate(db.migrated());
        ConnectionRepository repo = new ConnectionRepository(jdbc);
        repo.insert(row("con_1", "acme", "lever", T0));
        jdbc.update("insert into job (connection_id, company_id, provider, ats_job_id, title, state, content_hash, first_seen_at, last_seen_at) "
                + "values ('con_1', 'acme', 'lever', 'p-1', 'Engineer', 'open', 'h', ?, ?)", io.atsbridge.core.db.Db.ts(T0), io.atsbridge.core.db.Db.ts(T0));
        repo.revoke("acme", T0.plusSeconds(1));

        Instant later = T0.plus(1, ChronoUnit.HOURS);
        StoredConnection again = new StoredConnection("con_1", "acme", "greenhouse", "active", null, null, "v1:new-creds", "v1:new-secret",
                "{}", "{}", "Acme GH", "someone@acme.example", later, null, null, later, later);
        repo.reconnect(again);

        StoredConnection now = repo.findByCompany("acme").orElseThrow();
        assertThat(now.id()).isEqualTo("con_1");
        assertThat(now.provider()).isEqualTo("greenhouse");
        assertThat(now.status()).isEqualTo("active");
        assertThat(now.revokedAt()).isNull();
        assertThat(now.sealedCredentials()).isEqualTo("v1:new-creds");
        assertThat(now.connectedBy()).isEqualTo("someone@acme.example");
        assertThat(now.connectedAt()).isEqualTo(later);
        assertThat(jdbc.queryForObject("select state from job where ats_job_id = 'p-1'", String.class)).isEqualTo("deleted");
        assertThat(jdbc.queryForObject("select version from connection where id = 'con_1'", Long.class)).isEqualTo(2L);
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void revokeErasesCredentialsKeepsTheRowAndHappensOnce(TestDatabases db) {
        ConnectionRepository repo = new ConnectionRepository(new JdbcTemplate(db.migrated()));
        repo.insert(row("con_1", "acme", "greenhouse", T0));
        Instant at = T0.plusSeconds(30);

        assertThat(repo.revoke("acme", at)).isTrue();
        StoredConnection r = repo.findByCompany("acme").orElseThrow();
        assertThat(r.status()).isEqualTo("revoked");
        assertThat(r.sealedCredentials()).isNull();
        assertThat(r.sealedWebhookSecret()).isNull();
        assertThat(r.nextSyncAt()).isNull();
        assertThat(r.revokedAt()).isEqualTo(at);
        assertThat(r.connectedBy()).isEqualTo("admin@acme.example"); // history kept
        assertThat(repo.revoke("acme", at.plusSeconds(1))).isFalse();
        assertThat(repo.revoke("nobody", at)).isFalse();
        assertThat(repo.findDueForSync(at.plusSeconds(3600))).isEmpty();
        // a credential update after revoke must not bring a key back
        repo.updateCredentials("con_1", "v1:late", at.plusSeconds(2));
        assertThat(repo.findById("con_1").orElseThrow().sealedCredentials()).isNull();
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void markInvalidStopsSyncsAndOnlyTouchesActiveConnections(TestDatabases db) {
        ConnectionRepository repo = new ConnectionRepository(new JdbcTemplate(db.migrated()));
        repo.insert(row("con_1", "acme", "lever", T0));
        repo.insert(row("con_2", "globex", "lever", T0));
        repo.revoke("globex", T0);

        repo.markInvalid("con_1", "Lever answered 401: key revoked", T0.plusSeconds(5));
        repo.markInvalid("con_2", "should not apply", T0.plusSeconds(5));

        StoredConnection acme = repo.findById("con_1").orElseThrow();
        assertThat(acme.status()).isEqualTo("invalid");
        assertThat(acme.statusReason()).isEqualTo("Lever answered 401: key revoked");
        assertThat(acme.sealedCredentials()).isEqualTo("v1:sealed-creds"); // kept: a reconnect may reuse the row
        assertThat(repo.findById("con_2").orElseThrow().status()).isEqualTo("revoked");
        assertThat(repo.findDueForSync(T0.plusSeconds(3600))).isEmpty();
        assertThat(repo.findActive()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void findDueForSyncReturnsActiveDueConnectionsOldestFirst(TestDatabases db) {
        ConnectionRepository repo = new ConnectionRepository(new JdbcTemplate(db.migrated()));
        repo.insert(row("con_late", "c1", "lever", T0.plusSeconds(120)));
        repo.insert(row("con_early", "c2", "greenhouse", T0.minusSeconds(60)));
        repo.insert(row("con_now", "c3", "lever", T0));
        repo.insert(row("con_future", "c4", "lever", T0.plusSeconds(3600)));
        repo.insert(row("con_never", "c5", "lever", null));

        assertThat(repo.findDueForSync(T0)).extracting(StoredConnection::id).containsExactly("con_early", "con_now");
        assertThat(repo.findDueForSync(T0.plusSeconds(120))).extracting(StoredConnection::id)
                .containsExactly("con_early", "con_now", "con_late");

        repo.scheduleNextSync("con_early", T0, T0.plusSeconds(7200));
        StoredConnection early = repo.findById("con_early").orElseThrow();
        assertThat(early.lastSyncAt()).isEqualTo(T0);
        assertThat(early.nextSyncAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(repo.findDueForSync(T0)).extracting(StoredConnection::id).containsExactly("con_now");
        // a null lastSync keeps the previous one (coalesce)
        repo.scheduleNextSync("con_early", null, T0.plusSeconds(60));
        assertThat(repo.findById("con_early").orElseThrow().lastSyncAt()).isEqualTo(T0);
    }
}
