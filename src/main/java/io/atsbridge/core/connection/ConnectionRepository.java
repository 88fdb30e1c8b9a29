package io.atsbridge.core.connection;

import io.atsbridge.core.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class ConnectionRepository {
    private static final String COLUMNS = "id, company_id, provider, status, status_reason, base_url, credentials, webhook_secret, "
            + "settings, provider_state, account_label, connected_by, connected_at, revoked_at, last_sync_at, next_sync_at, updated_at";
    private static final RowMapper<StoredConnection> ROW = ConnectionRepository::map;
    private final JdbcTemplate jdbc;

    public ConnectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredConnection> findByCompany(String companyId) {
        return jdbc.query("select " + COLUMNS + " from connection where company_id = ?", ROW, companyId).stream().findFirst();
    }

    public Optional<StoredConnection> findById(String id) {
        return jdbc.query("select " + COLUMNS + " from connection where id = ?", ROW, id).stream().findFirst();
    }

    /** Active connections whose next import is due. */
    public List<StoredConnection> findDueForSync(Instant now) {
        return jdbc.query("select " + COLUMNS + " from connection where status = 'active' and next_sync_at <= ? order by next_sync_at",
                ROW, Db.ts(now));
    }

    public List<StoredConnection> findActive() {
        return jdbc.query("select " + COLUMNS + " from connection where status = 'active'", ROW);
    }

    public void insert(StoredConnection c) {
        jdbc.update("insert into connection (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                c.id(), c.companyId(), c.provider(), c.status(), c.statusReason(), c.baseUrl(), c.sealedCredentials(),
                c.sealedWebhookSecret(), c.settingsJson(), c.providerStateJson(), c.accountLabel(), c.connectedBy(),
                Db.ts(c.connectedAt()), Db.ts(c.revokedAt()), Db.ts(c.lastSyncAt()), Db.ts(c.nextSyncAt()), Db.ts(c.updatedAt()));
    }

    /**
     * Replaces everything a (re)connect sets; keeps the id, so webhook URLs stay valid. Jobs imported from another
     * provider (the company switched ATS) are retired so the next import does not mistake them for vanished jobs.
     */
    public void reconnect(StoredConnection c) {
        jdbc.update("update job set state = 'deleted', content_hash = 'retired' where connection_id = ? and provider <> ? and state <> 'deleted'",
                c.id(), c.provider());
        jdbc.update("update connection set provider=?, status=?, status_reason=?, base_url=?, credentials=?, webhook_secret=?, "
                        + "settings=?, provider_state=?, account_label=?, connected_by=?, connected_at=?, revoked_at=null, "
                        + "next_sync_at=?, updated_at=?, version=version+1 where id=?",
                c.provider(), c.status(), c.statusReason(), c.baseUrl(), c.sealedCredentials(), c.sealedWebhookSecret(),
                c.settingsJson(), c.providerStateJson(), c.accountLabel(), c.connectedBy(), Db.ts(c.connectedAt()),
                Db.ts(c.nextSyncAt()), Db.ts(c.updatedAt()), c.id());
    }

    /** Revoke: credentials and secrets erased, schedule stopped, the row (and all history) kept. */
    public boolean revoke(String companyId, Instant now) {
        return jdbc.update("update connection set status='revoked', status_reason='revoked by the board', credentials=null, "
                + "webhook_secret=null, next_sync_at=null, revoked_at=?, updated_at=?, version=version+1 "
                + "where company_id=? and status <> 'revoked'", Db.ts(now), Db.ts(now), companyId) > 0;
    }

    public void updateCredentials(String id, String sealed, Instant now) {
        jdbc.update("update connection set credentials=?, updated_at=?, version=version+1 where id=? and status <> 'revoked'",
                sealed, Db.ts(now), id);
    }

    public void updateProviderState(String id, String json, Instant now) {
        jdbc.update("update connection set provider_state=?, updated_at=? where id=?", json, Db.ts(now), id);
    }

    public void markInvalid(String id, String reason, Instant now) {
        jdbc.update("update connection set status='invalid', status_reason=?, updated_at=? where id=? and status='active'",
                reason, Db.ts(now), id);
    }

    public void scheduleNextSync(String id, Instant lastSync, Instant next) {
        jdbc.update("update connection set last_sync_at=coalesce(?, last_sync_at), next_sync_at=? where id=? and status='active'",
                Db.ts(lastSync), Db.ts(next), id);
    }

    private static StoredConnection map(ResultSet rs, int i) throws SQLException {
        return new StoredConnection(rs.getString("id"), rs.getString("company_id"), rs.getString("provider"),
                rs.getString("status"), rs.getString("status_reason"), rs.getString("base_url"), rs.getString("credentials"),
                rs.getString("webhook_secret"), rs.getString("settings"), rs.getString("provider_state"),
                rs.getString("account_label"), rs.getString("connected_by"), Db.instant(rs, "connected_at"),
                Db.instant(rs, "revoked_at"), Db.instant(rs, "last_sync_at"), Db.instant(rs, "next_sync_at"),
                Db.instant(rs, "updated_at"));
    }
}
