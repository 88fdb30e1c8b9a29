package io.atsbridge.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.HubException;
import io.atsbridge.core.db.Db;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes outbound work into the outbox. The same request (company, kind, board ids) always maps to the same
 * delivery; the same ids with a different payload is a conflict (409), never a second send.
 */
@Service
public class DeliveryService {
    private final DeliveryRepository repo;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeliveryWakeUp wakeUp;

    public DeliveryService(DeliveryRepository repo, ObjectMapper json, Optional<Clock> clock, DeliveryWakeUp wakeUp) {
        this.repo = repo;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
        this.wakeUp = wakeUp;
    }

    /** The outcome of an enqueue: the delivery, and whether this request created it. */
    public record Enqueued(Delivery delivery, boolean created) { }

    @Transactional
    public Enqueued enqueue(String companyId, String connectionId, String provider, String kind, String boardIds,
                            Object payload, String boardCandidateId, String boardApplicationId) {
        String body = write(payload);
        String hash = sha256(body);
        String key = companyId + "|" + kind + "|" + boardIds;
        Instant now = clock.instant();
        Delivery d = new Delivery(Db.newId("dlv"), companyId, connectionId, provider, kind, key, hash, body, "pending", 0, now,
                null, Map.of(), Map.of(), boardCandidateId, boardApplicationId, now, now);
        if (repo.insertIfAbsent(d)) {
            wakeUp.signal();
            return new Enqueued(d, true);
        }
        Delivery existing = repo.findByKey(key).orElseThrow();
        if (!existing.payloadHash().equals(hash)) {
            throw new HubException(409, "conflict", "a " + kind + " for these ids exists with a different payload (delivery "
                    + existing.id() + ", " + existing.status() + ")", null);
        }
        return new Enqueued(existing, false);
    }

    /** A signed push of one event to the board's callback URL, through the same engine. */
    public void enqueueCallback(String companyId, long eventId, String eventJson) {
        Instant now = clock.instant();
        repo.insertIfAbsent(new Delivery(Db.newId("dlv"), companyId, null, null, Delivery.BOARD_CALLBACK, "callback|" + eventId,
                sha256(eventJson), eventJson, "pending", 0, now, null, Map.of(), Map.of(), null, null, now, now));
        wakeUp.signal();
    }

    /** A (re)connected company: work that waited for the connection goes out now rather than at its next retry. */
    @org.springframework.context.event.EventListener
    public void onConnected(io.atsbridge.core.connection.ConnectionService.Connected connected) {
        if (repo.wakePending(connected.view().id(), clock.instant()) > 0) {
            wakeUp.signal();
        }
    }

    public Optional<Delivery> find(String id) {
        return repo.findById(id);
    }

    /** Replays a failed or dead delivery; 409 for one that is still on its way or already delivered. */
    public Delivery retry(String id) {
        Delivery d = repo.findById(id).orElseThrow(() -> HubException.notFound("no delivery " + id));
        if (!repo.requeue(id, clock.instant())) {
            throw HubException.conflict("delivery " + id + " is " + d.status() + ": only failed or dead deliveries can be retried");
        }
        wakeUp.signal();
        return repo.findById(id).orElseThrow();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
