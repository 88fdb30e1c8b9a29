package io.atsbridge.core.job;

import io.atsbridge.core.db.Db;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Board job ↔ ATS job, per company. */
@Repository
public class JobLinkRepository {
    private final JdbcTemplate jdbc;

    public JobLinkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void link(String companyId, String boardJobId, String atsJobId, Instant now) {
        if (jdbc.update("update job_link set ats_job_id = ?, created_at = ? where company_id = ? and board_job_id = ?",
                atsJobId, Db.ts(now), companyId, boardJobId) == 0) {
            jdbc.update("insert into job_link (company_id, board_job_id, ats_job_id, created_at) values (?,?,?,?) on conflict do nothing",
                    companyId, boardJobId, atsJobId, Db.ts(now));
        }
    }

    public boolean unlink(String companyId, String boardJobId) {
        return jdbc.update("delete from job_link where company_id = ? and board_job_id = ?", companyId, boardJobId) == 1;
    }

    public Optional<String> atsJobId(String companyId, String boardJobId) {
        return jdbc.queryForList("select ats_job_id from job_link where company_id = ? and board_job_id = ?", String.class, companyId, boardJobId)
                .stream().findFirst();
    }

    public List<Map<String, Object>> list(String companyId) {
        return jdbc.query("select board_job_id, ats_job_id, created_at from job_link where company_id = ? order by board_job_id", (rs, i) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("boardJobId", rs.getString("board_job_id"));
            m.put("atsJobId", rs.getString("ats_job_id"));
            m.put("linkedAt", Db.instant(rs, "created_at"));
            return m;
        }, companyId);
    }
}
