package io.atsbridge.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.db.Db;
import io.atsbridge.core.delivery.Delivery;
import io.atsbridge.core.delivery.DeliveryRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox claim: two instances claiming due rows at the same time get disjoint rows and neither waits for the
 * other ({@code FOR UPDATE SKIP LOCKED}), on both databases.
 */
class SkipLockedIT {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String CLAIM = "select id from delivery where status = 'pending' and next_attempt_at <= ? "
            + "order by next_attempt_at limit ? for update skip locked";

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void twoConnectionsClaimDisjointRowsWithoutWaiting(TestDatabases db) throws Exception {
        DataSource ds = db.migrated();
        DeliveryRepository repo = new DeliveryRepository(new JdbcTemplate(ds), new ObjectMapper());
        for (int i = 0; i < 5; i++) {
            repo.insertIfAbsent(delivery("d" + i, NOW.minusSeconds(10 - i)));
        }
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            setLockTimeout(db, b);

            List<String> first = claim(a, 2);
            long t0 = System.nanoTime();
            List<String> second = claim(b, 2); // would block (and fail on the lock timeout) if it waited for a's locks
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(1));

            assertThat(first).containsExactly("d0", "d1");
            assertThat(second).doesNotContainAnyElementsOf(first);
            if (db == TestDatabases.POSTGRESQL) {
                assertThat(second).containsExactly("d2", "d3");
            } else {
                // H2 locks every row an ORDER BY ... LIMIT ... FOR UPDATE reads, not only those it returns: a second
                // claimer gets nothing until the first commits. Safe (no row twice), just not parallel.
                assertThat(second).isEmpty();
            }
            a.commit();
            b.rollback();
            // once a's transaction ends, its rows are claimable again (a did not change their status)
            assertThat(claim(b, 10)).containsExactly("d0", "d1", "d2", "d3", "d4");
            b.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("io.atsbridge.db.TestDatabases#both")
    void concurrentClaimDueCallsNeverHandOutARowTwice(TestDatabases db) throws Exception {
        DataSource ds = db.migrated();
        DeliveryRepository repo = new DeliveryRepository(new JdbcTemplate(ds), new ObjectMapper());
        for (int i = 0; i < 6; i++) {
            repo.insertIfAbsent(delivery("d" + i, NOW.minusSeconds(60 - i)));
        }
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        // instance A claims and keeps its transaction open until B has claimed too
        CompletableFuture<List<Delivery>> a = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<Delivery> got = claims(repo.claimDue("instance-a", NOW, NOW.plusSeconds(60), 3));
            aClaimed.countDown();
            await(bDone);
            return got;
        }));
        assertThat(aClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        List<Delivery> b = tx.execute(s -> claims(repo.claimDue("instance-b", NOW, NOW.plusSeconds(60), 10)));
        bDone.countDown();
        List<Delivery> fromA = a.get(10, TimeUnit.SECONDS);

        Set<String> idsA = ids(fromA);
        Set<String> idsB = ids(b);
        assertThat(idsA).containsExactlyInAnyOrder("d0", "d1", "d2");
        assertThat(idsB).doesNotContainAnyElementsOf(idsA);
        // PostgreSQL hands B the rest at once; H2 locks all rows A's sorted scan read, so B waits for the next poll
        assertThat(idsB).hasSize(db == TestDatabases.POSTGRESQL ? 3 : 0);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject("select count(*) from delivery where claimed_by like 'instance-a:%' and status = 'in_flight'",
                Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from delivery where claimed_by like 'instance-b:%' and status = 'in_flight'",
                Integer.class)).isEqualTo(idsB.size());
        // only what nobody holds is left to claim until the leases run out
        List<Delivery> rest = tx.execute(s -> claims(repo.claimDue("instance-c", NOW, NOW.plusSeconds(60), 10)));
        Set<String> restIds = ids(rest);
        assertThat(restIds).hasSize(3 - idsB.size()).doesNotContainAnyElementsOf(idsA);
        restIds.retainAll(idsB);
        assertThat(restIds).isEmpty();
        List<Delivery> expired = tx.execute(s -> claims(repo.claimDue("instance-c", NOW.plusSeconds(61), NOW.plusSeconds(120), 10)));
        assertThat(expired).hasSize(6);
    }

    private static List<Delivery> claims(List<io.atsbridge.core.delivery.DeliveryRepository.Claim> claims) {
        return claims.stream().map(io.atsbridge.core.delivery.DeliveryRepository.Claim::delivery).toList();
    }

    private static Delivery delivery(String id, Instant due) {
        return new Delivery(id, "acme", "con_1", "lever", Delivery.CANDIDATE_EXPORT, "key-" + id, "hash", "{}", "pending", 0, due,
                null, Map.of(), Map.of(), "cand-" + id, null, due, due);
    }

    private static List<String> claim(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setObject(1, Db.ts(NOW));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Makes a wrongly blocking claim fail fast instead of hanging the build. */
    private static void setLockTimeout(TestDatabases db, Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(db == TestDatabases.H2 ? "set lock_timeout 2000" : "set lock_timeout = '2s'");
        }
    }

    private static Set<String> ids(List<Delivery> list) {
        Set<String> s = new HashSet<>();
        list.forEach(d -> s.add(d.id()));
        return s;
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other claimer never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
