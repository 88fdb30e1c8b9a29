package io.atsbridge.core.job;

import io.atsbridge.core.db.Db;
import io.atsbridge.core.event.EventService;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Imported jobs, upserted by (connection, ATS job id) with a content hash: a job whose content did not change costs
 * no write. Every visible change becomes a job event.
 */
@Repository
public class JobStore {
    private static final String COLUMNS = "ats_job_id, title, description_html, department, location, state, ats_created_at, "
            + "ats_updated_at, url, content_hash, last_seen_at";
    private final JdbcTemplate jdbc;
    private final EventService events;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    public JobStore(JdbcTemplate jdbc, EventService events, Optional<Clock> clock,
                    org.springframework.transaction.support.TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** A stored job as the board reads it. */
    public record StoredJob(String atsJobId, String title, String descriptionHtml, String department, String location, String state,
                            Instant createdAt, Instant updatedAt, String url, Instant lastSeenAt) { }

    /** Upserts a job and emits its event in one transaction; only a write that changed the row emits. */
    public Outcome upsert(ConnectionContext conn, Job job) {
        return tx.execute(s -> upsertInTx(conn, job));
    }

    private Outcome upsertInTx(ConnectionContext conn, Job job) {
        String hash = hash(job);
        Instant now = clock.instant();
        List<String> current = jdbc.queryForList("select content_hash from job where connection_id = ? and ats_job_id = ?",
                String.class, conn.connectionId(), job.atsJobId());
        if (!current.isEmpty() && current.get(0).equals(hash)) {
            return Outcome.UNCHANGED;
        }
        if (current.isEmpty()) {
            int n = jdbc.update("insert into job (connection_id, company_id, provider, ats_job_id, title, description_html, department, location, "
                            + "state, ats_created_at, ats_updated_at, url, content_hash, first_seen_at, last_seen_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                            + "on conflict do nothing",
                    conn.connectionId(), conn.companyId(), conn.provider(), job.atsJobId(), job.title(), job.descriptionHtml(),
                    job.department(), job.location(), job.state().wire(), Db.ts(job.createdAt()), Db.ts(job.updatedAt()), job.url(), hash,
                    Db.ts(now), Db.ts(now));
            if (n == 1) {
                events.append(conn.companyId(), EventService.JOB_CREATED, view(conn, job));
                return Outcome.CREATED;
            }
        }
        String previousState = jdbc.queryForObject("select state from job where connection_id = ? and ats_job_id = ?", String.class,
                conn.connectionId(), job.atsJobId());
        int changed = jdbc.update("update job set title = ?, description_html = ?, department = ?, location = ?, state = ?, ats_created_at = coalesce(?, ats_created_at), "
                        + "ats_updated_at = ?, url = ?, content_hash = ?, last_seen_at = ? where connection_id = ? and ats_job_id = ? and content_hash <> ?",
                job.title(), job.descriptionHtml(), job.department(), job.location(), job.state().wire(), Db.ts(job.createdAt()),
                Db.ts(job.updatedAt()), job.url(), hash, Db.ts(now), conn.connectionId(), job.atsJobId(), hash);
        if (changed == 0) {
            return Outcome.UNCHANGED; // another writer stored the same content first
        }
        events.append(conn.companyId(), eventFor(previousState, job.state()), view(conn, job));
        return Outcome.UPDATED;
    }

    /** Sets a job's state (closed, deleted) without touching its content; false when it was already so or unknown. */
    public boolean setState(ConnectionContext conn, String atsJobId, JobState state) {
        return Boolean.TRUE.equals(tx.execute(s -> setStateInTx(conn, atsJobId, state)));
    }

    private boolean setStateInTx(ConnectionContext conn, String atsJobId, JobState state) {
        Instant now = clock.instant();
        int n = jdbc.update("update job set state = ?, content_hash = 'state:' || ?, last_seen_at = ? where connection_id = ? and ats_job_id = ? and state <> ?",
                state.wire(), state.wire(), Db.ts(now), conn.connectionId(), atsJobId, state.wire());
        if (n == 1) {
            events.append(conn.companyId(), state == JobState.DELETED ? EventService.JOB_DELETED
                    : state == JobState.CLOSED ? EventService.JOB_CLOSED : EventService.JOB_UPDATED, find(conn.connectionId(), atsJobId).orElseThrow());
            return true;
        }
        return false;
    }

    /** A job change read from a webhook. */
    public boolean applyChange(ConnectionContext conn, AtsSignal.JobChange c) {
        return switch (c.kind()) {
            case UPSERT -> c.job() != null && upsert(conn, c.job()) != Outcome.UNCHANGED;
            case CLOSED -> setState(conn, c.atsJobId(), JobState.CLOSED);
            case DELETED -> setState(conn, c.atsJobId(), JobState.DELETED);
        };
    }

    public Optional<StoredJob> find(String connectionId, String atsJobId) {
        return jdbc.query("select " + COLUMNS + " from job where connection_id = ? and ats_job_id = ?", JobStore::map, connectionId, atsJobId)
                .stream().findFirst();
    }

    public List<StoredJob> list(String connectionId, String state, int limit, int offset) {
        return state == null
                ? jdbc.query("select " + COLUMNS + " from job where connection_id = ? order by id limit ? offset ?", JobStore::map, connectionId, limit, offset)
                : jdbc.query("select " + COLUMNS + " from job where connection_id = ? and state = ? order by id limit ? offset ?", JobStore::map,
                        connectionId, state, limit, offset);
    }

    public int countOpen(String connectionId) {
        return jdbc.queryForObject("select count(*) from job where connection_id = ? and state = 'open'", Integer.class, connectionId);
    }

    private static String eventFor(String previousState, JobState now) {
        if (now == JobState.CLOSED && !"closed".equals(previousState)) {
            return EventService.JOB_CLOSED;
        }
        if (now == JobState.DELETED) {
            return EventService.JOB_DELETED;
        }
        return EventService.JOB_UPDATED;
    }

    static Map<String, Object> view(ConnectionContext conn, Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("atsJobId", j.atsJobId());
        m.put("provider", conn.provider());
        m.put("title", j.title());
        m.put("descriptionHtml", j.descriptionHtml());
        m.put("department", j.department());
        m.put("location", j.location());
        m.put("state", j.state().wire());
        m.put("createdAt", j.createdAt() == null ? null : j.createdAt().toString());
        m.put("updatedAt", j.updatedAt() == null ? null : j.updatedAt().toString());
        m.put("url", j.url());
        return m;
    }

    static String hash(Job j) {
        String s = String.join("\u0001", Objects.toString(j.title(), ""), Objects.toString(j.descriptionHtml(), ""),
                Objects.toString(j.department(), ""), Objects.toString(j.location(), ""), j.state().wire(),
                Objects.toString(j.createdAt(), ""), Objects.toString(j.updatedAt(), ""), Objects.toString(j.url(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredJob map(ResultSet rs, int i) throws SQLException {
        return new StoredJob(rs.getString("ats_job_id"), rs.getString("title"), rs.getString("description_html"), rs.getString("department"),
                rs.getString("location"), rs.getString("state"), Db.instant(rs, "ats_created_at"), Db.instant(rs, "ats_updated_at"),
                rs.getString("url"), Db.instant(rs, "last_seen_at"));
    }
}
