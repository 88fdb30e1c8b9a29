package io.atsbridge.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.db.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class DeliveryRepository {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final String COLUMNS = "id, company_id, connection_id, provider, kind, idempotency_key, payload_hash, payload, status, "
            + "attempts, next_attempt_at, last_error, ats_refs, progress, board_candidate_id, board_application_id, created_at, updated_at";
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    public DeliveryRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    /** Inserts unless the idempotency key exists; true when this call inserted the row. */
    public boolean insertIfAbsent(Delivery d) {
        return jdbc.update("insert into delivery (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict do nothing",
                d.id(), d.companyId(), d.connectionId(), d.provider(), d.kind(), d.idempotencyKey(), d.payloadHash(), d.payload(),
                d.status(), d.attempts(), Db.ts(d.nextAttemptAt()), d.lastError(), write(d.atsRefs()), write(d.progress()),
                d.boardCandidateId(), d.boardApplicationId(), Db.ts(d.createdAt()), Db.ts(d.updatedAt())) == 1;
    }

    public Optional<Delivery> findById(String id) {
        return jdbc.query("select " + COLUMNS + " from delivery where id = ?", this::map, id).stream().findFirst();
    }

    public Optional<Delivery> findByKey(String key) {
        return jdbc.query("select " + COLUMNS + " from delivery where idempotency_key = ?", this::map, key).stream().findFirst();
    }

    /** A claimed delivery and the token that fences every write about it. */
    public record Claim(Delivery delivery, String token, boolean reclaimed) { }

    /**
     * Claims due rows: pending rows whose time has come, and in-flight rows whose lease ran out (their instance died
     * or hung). SKIP LOCKED lets several instances claim concurrently without waiting on each other. A reclaimed row
     * counts as an attempt and is marked ambiguous: the lost attempt may have reached the ATS.
     */
    @Transactional
    public List<Claim> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        List<Map<String, Object>> due = jdbc.queryForList("select id, status from delivery where (status = 'pending' and next_attempt_at <= ?) "
                + "or (status = 'in_flight' and claimed_until < ?) order by next_attempt_at limit ? for update skip locked",
                Db.ts(now), Db.ts(now), limit);
        if (due.isEmpty()) {
            return Collections.emptyList();
        }
        List<Claim> claims = new java.util.ArrayList<>();
        for (Map<String, Object> row : due) {
            String id = (String) row.get("id");
            boolean reclaimed = "in_flight".equals(row.get("status"));
            String token = owner + ":" + java.util.UUID.randomUUID();
            if (reclaimed) {
                Delivery old = findById(id).orElseThrow();
                Map<String, String> progress = new java.util.LinkedHashMap<>(old.progress());
                progress.put("ambiguous", "true");
                jdbc.update("update delivery set claimed_by = ?, claimed_until = ?, attempts = attempts + 1, progress = ?, "
                        + "last_error = 'the instance running the previous attempt stopped answering', updated_at = ? where id = ?",
                        token, Db.ts(leaseUntil), write(progress), Db.ts(now), id);
            } else {
                jdbc.update("update delivery set status = 'in_flight', claimed_by = ?, claimed_until = ?, updated_at = ? where id = ?",
                        token, Db.ts(leaseUntil), Db.ts(now), id);
            }
            claims.add(new Claim(findById(id).orElseThrow(), token, reclaimed));
        }
        return claims;
    }

    /** Extends a live claim; false when the claim was lost (its lease ran out and someone else took the row). */
    public boolean renew(String id, String token, Instant leaseUntil) {
        return jdbc.update("update delivery set claimed_until = ? where id = ? and claimed_by = ? and status = 'in_flight'",
                Db.ts(leaseUntil), id, token) == 1;
    }

    /** Saves progress as soon as a step is confirmed, only while the claim holds. */
    public boolean saveProgress(String id, String token, Map<String, String> progress) {
        return jdbc.update("update delivery set progress = ? where id = ? and claimed_by = ? and status = 'in_flight'",
                write(progress), id, token) == 1;
    }

    public boolean delivered(String id, String token, Map<String, String> refs, Map<String, String> progress, Instant now) {
        return jdbc.update("update delivery set status = 'delivered', attempts = attempts + 1, ats_refs = ?, progress = ?, last_error = null, "
                + "claimed_by = null, claimed_until = null, updated_at = ? where id = ? and claimed_by = ?",
                write(refs), write(progress), Db.ts(now), id, token) == 1;
    }

    public boolean retryLater(String id, String token, Instant next, String error, Map<String, String> progress, Instant now) {
        return jdbc.update("update delivery set status = 'pending', attempts = attempts + 1, next_attempt_at = ?, last_error = ?, progress = ?, "
                + "claimed_by = null, claimed_until = null, updated_at = ? where id = ? and claimed_by = ?",
                Db.ts(next), trim(error), write(progress), Db.ts(now), id, token) == 1;
    }

    /** failed (refused for good) or dead (retries ran out). */
    public boolean finish(String id, String token, String status, String error, Map<String, String> progress, Instant now) {
        return jdbc.update("update delivery set status = ?, attempts = attempts + 1, last_error = ?, progress = ?, claimed_by = null, "
                + "claimed_until = null, updated_at = ? where id = ? and claimed_by = ?",
                status, trim(error), write(progress), Db.ts(now), id, token) == 1;
    }

    /** Makes a connection's waiting deliveries due now. */
    public int wakePending(String connectionId, Instant now) {
        return jdbc.update("update delivery set next_attempt_at = ? where connection_id = ? and status = 'pending' and next_attempt_at > ?",
                Db.ts(now), connectionId, Db.ts(now));
    }

    /** Replays a failed or dead delivery from where it stopped (its progress is kept). */
    public boolean requeue(String id, Instant now) {
        return jdbc.update("update delivery set status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "where id = ? and status in ('failed', 'dead')", Db.ts(now), Db.ts(now), id) == 1;
    }

    public List<Delivery> findByCompany(String companyId, String status, int limit) {
        return status == null
                ? jdbc.query("select " + COLUMNS + " from delivery where company_id = ? order by created_at desc limit ?", this::map, companyId, limit)
                : jdbc.query("select " + COLUMNS + " from delivery where company_id = ? and status = ? order by created_at desc limit ?",
                        this::map, companyId, status, limit);
    }

    public Map<String, Long> countByStatus() {
        Map<String, Long> m = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) n from delivery group by status", rs -> {
            m.put(rs.getString("status"), rs.getLong("n"));
        });
        return m;
    }

    private static String trim(String s) {
        return s == null ? null : s.length() > 1900 ? s.substring(0, 1900) + "…" : s;
    }

    private Delivery map(ResultSet rs, int i) throws SQLException {
        return new Delivery(rs.getString("id"), rs.getString("company_id"), rs.getString("connection_id"), rs.getString("provider"),
                rs.getString("kind"), rs.getString("idempotency_key"), rs.getString("payload_hash"), rs.getString("payload"),
                rs.getString("status"), rs.getInt("attempts"), Db.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                read(rs.getString("ats_refs")), read(rs.getString("progress")), rs.getString("board_candidate_id"),
                rs.getString("board_application_id"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }

    private String write(Map<String, String> m) {
        try {
            return json.writeValueAsString(m == null ? Map.of() : m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String s) {
        try {
            return s == null ? Map.of() : json.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
