package io.atsbridge.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.db.Db;
import io.atsbridge.core.delivery.DeliveryService;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events the board reads (DESIGN.md, Event): appended with a monotonically increasing id, read as a feed by
 * cursor. When a board callback URL is configured every event also becomes a signed {@code board.callback}
 * delivery, in the same transaction.
 */
@Service
public class EventService {
    public static final String STATUS_CHANGED = "application.status_changed";
    public static final String JOB_CREATED = "job.created";
    public static final String JOB_UPDATED = "job.updated";
    public static final String JOB_CLOSED = "job.closed";
    public static final String JOB_DELETED = "job.deleted";
    public static final String SYNC_COMPLETED = "sync.completed";
    public static final String SYNC_SUSPECT = "sync.suspect";
    public static final String DELIVERY_DEAD = "delivery.dead";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AtsBridgeProperties props;
    private final DeliveryService deliveries;
    private final Clock clock;

    public EventService(JdbcTemplate jdbc, ObjectMapper json, AtsBridgeProperties props, DeliveryService deliveries,
                        Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
        this.deliveries = deliveries;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public record Event(String id, String type, String companyId, Instant occurredAt, Object data) { }

    @Transactional
    public long append(String companyId, String type, Object data) {
        String body = write(data);
        Instant now = clock.instant();
        // the company's next sequence number, under a row lock held until this transaction commits: the next event
        // of the company waits for it, so the feed never shows seq N+1 while N is still uncommitted
        jdbc.update("insert into event_seq (company_id, last_seq) values (?, 0) on conflict do nothing", companyId);
        jdbc.update("update event_seq set last_seq = last_seq + 1 where company_id = ?", companyId);
        long seq = jdbc.queryForObject("select last_seq from event_seq where company_id = ?", Long.class, companyId);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into event (company_id, type, occurred_at, data, seq) values (?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, companyId);
            ps.setString(2, type);
            ps.setObject(3, Db.ts(now));
            ps.setString(4, body);
            ps.setLong(5, seq);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        String callback = props.getBoard().getCallbackUrl();
        if (callback != null && !callback.isBlank()) {
            Event e = new Event(Long.toString(seq), type, companyId, now, data);
            deliveries.enqueueCallback(companyId, id, write(e));
        }
        return seq;
    }

    /** Events of a company after {@code cursor} (the company's event sequence), oldest first. */
    public List<Event> feed(String companyId, long after, int limit) {
        return jdbc.query("select seq, type, company_id, occurred_at, data from event where company_id = ? and seq > ? order by seq limit ?",
                (rs, i) -> new Event(Long.toString(rs.getLong("seq")), rs.getString("type"), rs.getString("company_id"),
                        Db.instant(rs, "occurred_at"), read(rs.getString("data"))), companyId, after, limit);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String s) {
        try {
            return json.readValue(s, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
