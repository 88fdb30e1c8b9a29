package io.atsbridge.core.status;

import io.atsbridge.core.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which ATS objects belong to which board ids (candidate_ref, application_ref) and their last known status. */
@Repository
public class ReferenceRepository {
    private static final String APP_COLUMNS = "id, connection_id, company_id, ats_application_id, ats_candidate_id, board_candidate_id, "
            + "board_application_id, board_job_id, ats_job_id, status, ats_stage, created_at, updated_at, ats_event_at";
    private final JdbcTemplate jdbc;

    public ReferenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ApplicationRef(long id, String connectionId, String companyId, String atsApplicationId, String atsCandidateId,
                                 String boardCandidateId, String boardApplicationId, String boardJobId, String atsJobId,
                                 String status, String atsStage, Instant createdAt, Instant updatedAt, Instant atsEventAt) { }

    public void upsertCandidate(String connectionId, String companyId, String boardCandidateId, String atsCandidateId, Instant now) {
        int n = jdbc.update("update candidate_ref set ats_candidate_id = ?, updated_at = ? where connection_id = ? and board_candidate_id = ?",
                atsCandidateId, Db.ts(now), connectionId, boardCandidateId);
        if (n == 0) {
            jdbc.update("insert into candidate_ref (connection_id, board_candidate_id, company_id, ats_candidate_id, created_at, updated_at) "
                    + "values (?,?,?,?,?,?) on conflict do nothing", connectionId, boardCandidateId, companyId, atsCandidateId, Db.ts(now), Db.ts(now));
        }
    }

    /**
     * Whether a board candidate id is one we sent through this connection. An ATS may echo ids other integrations
     * wrote (Greenhouse's external_id belongs to whichever partner created the person), so a signal's board id is
     * trusted only for candidates we exported or applied.
     */
    public boolean isOurs(String connectionId, String boardCandidateId) {
        return jdbc.queryForObject("select count(*) from candidate_ref where connection_id = ? and board_candidate_id = ?",
                Integer.class, connectionId, boardCandidateId) > 0
                || jdbc.queryForObject("select count(*) from delivery where connection_id = ? and board_candidate_id = ?",
                Integer.class, connectionId, boardCandidateId) > 0;
    }

    /** Brings forward the next attempt of deliveries waiting to reconcile a lost create for this board candidate. */
    public int wakeAmbiguousDeliveries(String connectionId, String boardCandidateId, Instant now) {
        return jdbc.update("update delivery set next_attempt_at = ? where connection_id = ? and board_candidate_id = ? "
                + "and status = 'pending' and progress like '%\"ambiguous\":\"true\"%'", Db.ts(now), connectionId, boardCandidateId);
    }


    /** Records a candidacy; board ids fill in what an earlier row (e.g. from a webhook) lacked. Never changes the status. */
    public ApplicationRef upsertApplication(String connectionId, String companyId, String atsApplicationId, String atsCandidateId,
                                            String boardCandidateId, String boardApplicationId, String boardJobId, String atsJobId,
                                            String initialStatus, Instant now) {
        jdbc.update("insert into application_ref (connection_id, company_id, ats_application_id, ats_candidate_id, board_candidate_id, "
                        + "board_application_id, board_job_id, ats_job_id, status, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict do nothing",
                connectionId, companyId, atsApplicationId, atsCandidateId, boardCandidateId, boardApplicationId, boardJobId, atsJobId,
                initialStatus, Db.ts(now), Db.ts(now));
        jdbc.update("update application_ref set ats_candidate_id = coalesce(ats_candidate_id, ?), board_candidate_id = coalesce(board_candidate_id, ?), "
                        + "board_application_id = coalesce(board_application_id, ?), board_job_id = coalesce(board_job_id, ?), "
                        + "ats_job_id = coalesce(ats_job_id, ?) where connection_id = ? and ats_application_id = ?",
                atsCandidateId, boardCandidateId, boardApplicationId, boardJobId, atsJobId, connectionId, atsApplicationId);
        return findApplication(connectionId, atsApplicationId).orElseThrow();
    }

    public Optional<ApplicationRef> findApplication(String connectionId, String atsApplicationId) {
        return jdbc.query("select " + APP_COLUMNS + " from application_ref where connection_id = ? and ats_application_id = ?",
                ReferenceRepository::map, connectionId, atsApplicationId).stream().findFirst();
    }

    /** A candidacy the ATS reported (by webhook) for one of our board candidates, on a job or jobless. */
    public Optional<ApplicationRef> findByBoardCandidate(String connectionId, String boardCandidateId, String atsJobId) {
        return (atsJobId == null
                ? jdbc.query("select " + APP_COLUMNS + " from application_ref where connection_id = ? and board_candidate_id = ? "
                        + "and ats_job_id is null order by id limit 1", ReferenceRepository::map, connectionId, boardCandidateId)
                : jdbc.query("select " + APP_COLUMNS + " from application_ref where connection_id = ? and board_candidate_id = ? "
                        + "and ats_job_id = ? order by id limit 1", ReferenceRepository::map, connectionId, boardCandidateId, atsJobId))
                .stream().findFirst();
    }


    /**
     * Compare-and-set of the status: false when another writer changed it first (the caller re-reads). Records the
     * ATS time of the signal, so a late, older signal can be recognised and skipped.
     */
    public boolean updateStatus(long id, String expectedStatus, String status, String atsStage, Instant atsEventAt, Instant now) {
        String set = "update application_ref set status = ?, ats_stage = coalesce(?, ats_stage), updated_at = ?, "
                + "ats_event_at = case when ats_event_at is null or ats_event_at < ? then ? else ats_event_at end where id = ? and ";
        return (expectedStatus == null
                ? jdbc.update(set + "status is null", status, atsStage, Db.ts(now), Db.ts(atsEventAt), Db.ts(atsEventAt), id)
                : jdbc.update(set + "status = ?", status, atsStage, Db.ts(now), Db.ts(atsEventAt), Db.ts(atsEventAt), id, expectedStatus)) == 1;
    }

    /** Asks for the candidacy to be re-read from the ATS at {@code at} (its signals' order was ambiguous). */
    public void confirmLater(long id, Instant at) {
        jdbc.update("update application_ref set confirm_at = ? where id = ?", Db.ts(at), id);
    }

    /** Candidacies due for a confirming read, oldest first. */
    public List<ApplicationRef> dueForConfirmation(Instant now, int limit) {
        return jdbc.query("select " + APP_COLUMNS + " from application_ref where confirm_at <= ? order by confirm_at limit ?",
                ReferenceRepository::map, Db.ts(now), limit);
    }

    public void confirmed(long id) {
        jdbc.update("update application_ref set confirm_at = null where id = ?", id);
    }

    /** Candidacies still in play whose status the poll fallback should check. */
    public List<ApplicationRef> dueForPoll(String connectionId, Instant createdAfter, Instant polledBefore, int limit) {
        return jdbc.query("select " + APP_COLUMNS + " from application_ref where connection_id = ? and created_at > ? "
                        + "and (status is null or status not in ('hired', 'rejected', 'withdrawn')) "
                        + "and (last_polled_at is null or last_polled_at < ?) order by last_polled_at nulls first limit ?",
                ReferenceRepository::map, connectionId, Db.ts(createdAfter), Db.ts(polledBefore), limit);
    }

    public void markPolled(List<Long> ids, Instant now) {
        for (Long id : ids) {
            jdbc.update("update application_ref set last_polled_at = ? where id = ?", Db.ts(now), id);
        }
    }

    private static ApplicationRef map(ResultSet rs, int i) throws SQLException {
        return new ApplicationRef(rs.getLong("id"), rs.getString("connection_id"), rs.getString("company_id"),
                rs.getString("ats_application_id"), rs.getString("ats_candidate_id"), rs.getString("board_candidate_id"),
                rs.getString("board_application_id"), rs.getString("board_job_id"), rs.getString("ats_job_id"),
                rs.getString("status"), rs.getString("ats_stage"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"),
                Db.instant(rs, "ats_event_at"));
    }
}
