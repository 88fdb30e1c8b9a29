package io.atsbridge.core.job;

import io.atsbridge.core.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class SyncRunRepository {
    private static final String COLUMNS = "id, connection_id, company_id, trigger_kind, status, pages, seen, created, updated, unchanged, "
            + "closed, deleted, error, created_at, started_at, finished_at";
    private final JdbcTemplate jdbc;

    public SyncRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a run unless one is queued or running for the connection (the unique active_connection_id). */
    public boolean insertIfIdle(String id, String connectionId, String companyId, String trigger, Instant now) {
        return jdbc.update("insert into sync_run (id, connection_id, company_id, trigger_kind, status, active_connection_id, created_at, heartbeat_at) "
                + "values (?,?,?,?, 'queued', ?, ?, ?) on conflict do nothing", id, connectionId, companyId, trigger, connectionId,
                Db.ts(now), Db.ts(now)) == 1;
    }

    public Optional<SyncRun> findActive(String connectionId) {
        return jdbc.query("select " + COLUMNS + " from sync_run where active_connection_id = ?", SyncRunRepository::map, connectionId)
                .stream().findFirst();
    }

    public Optional<SyncRun> find(String id) {
        return jdbc.query("select " + COLUMNS + " from sync_run where id = ?", SyncRunRepository::map, id).stream().findFirst();
    }


    /** queued → running; false when the run is no longer queued (e.g. declared abandoned meanwhile): do not run it. */
    public boolean started(String id, Instant now) {
        return jdbc.update("update sync_run set status = 'running', started_at = ?, heartbeat_at = ? where id = ? and status = 'queued' "
                + "and active_connection_id is not null", Db.ts(now), Db.ts(now), id) == 1;
    }

    public void progress(String id, int pages, int seen, int created, int updated, int unchanged, Instant now) {
        jdbc.update("update sync_run set pages = ?, seen = ?, created = ?, updated = ?, unchanged = ?, heartbeat_at = ? where id = ?",
                pages, seen, created, updated, unchanged, Db.ts(now), id);
    }

    public void finished(String id, String status, int closed, int deleted, String error, Instant now) {
        jdbc.update("update sync_run set status = ?, closed = ?, deleted = ?, error = ?, finished_at = ?, active_connection_id = null where id = ?",
                status, closed, deleted, error == null ? null : error.length() > 1900 ? error.substring(0, 1900) : error, Db.ts(now), id);
    }

    /**
     * Runs whose instance stopped beating (crashed, killed) and queued runs that never started (their instance died
     * with them in its queue): they no longer block the connection.
     */
    public List<String> abandoned(Instant heartbeatBefore, Instant queuedBefore) {
        return jdbc.queryForList("select id from sync_run where active_connection_id is not null and ((status = 'running' and heartbeat_at < ?) "
                + "or (status = 'queued' and created_at < ?))", String.class, Db.ts(heartbeatBefore), Db.ts(queuedBefore));
    }

    public void recordSeen(String runId, List<String> atsJobIds) {
        jdbc.batchUpdate("insert into sync_seen (sync_run_id, ats_job_id) values (?, ?) on conflict do nothing", atsJobIds, 500,
                (ps, jobId) -> {
                    ps.setString(1, runId);
                    ps.setString(2, jobId);
                });
    }

    /**
     * Jobs of the connection (not yet deleted) that the run did not see and that existed when it started: a job a
     * webhook created during the run was never on the pages it read.
     */
    public List<String[]> unseen(String connectionId, String runId, Instant runStarted) {
        return jdbc.query("select ats_job_id, state from job j where connection_id = ? and state <> 'deleted' and first_seen_at < ? and not exists "
                        + "(select 1 from sync_seen s where s.sync_run_id = ? and s.ats_job_id = j.ats_job_id)",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, connectionId, Db.ts(runStarted), runId);
    }

    public void forgetSeen(String runId) {
        jdbc.update("delete from sync_seen where sync_run_id = ?", runId);
    }

    private static SyncRun map(ResultSet rs, int i) throws SQLException {
        return new SyncRun(rs.getString("id"), rs.getString("connection_id"), rs.getString("company_id"), rs.getString("trigger_kind"),
                rs.getString("status"), rs.getInt("pages"), rs.getInt("seen"), rs.getInt("created"), rs.getInt("updated"),
                rs.getInt("unchanged"), rs.getInt("closed"), rs.getInt("deleted"), rs.getString("error"), Db.instant(rs, "created_at"),
                Db.instant(rs, "started_at"), Db.instant(rs, "finished_at"));
    }
}
