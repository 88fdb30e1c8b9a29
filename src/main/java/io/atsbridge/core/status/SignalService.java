package io.atsbridge.core.status;

import io.atsbridge.core.event.EventService;
import io.atsbridge.core.job.JobStore;
import io.atsbridge.core.model.ApplicationStatus;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the ATS told us (webhooks, status polls) to our rows and emits the board's events. A status that does
 * not change is not an event; a signal about a candidacy we never sent and cannot tie to a board candidate is
 * ignored (Lever payloads carry ids only, and a company's ATS holds far more than what came from the board).
 */
@Service
public class SignalService {
    private static final Logger log = LoggerFactory.getLogger(SignalService.class);
    private final ReferenceRepository refs;
    private final StatusTranslator translator;
    private final EventService events;
    private final JobStore jobs;
    private final Clock clock;

    public SignalService(ReferenceRepository refs, StatusTranslator translator, EventService events, JobStore jobs,
                         Optional<Clock> clock) {
        this.refs = refs;
        this.translator = translator;
        this.events = events;
        this.jobs = jobs;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Applies the signals in order; returns how many changed something the board can see. */
    @Transactional
    public int apply(ConnectionContext conn, List<AtsSignal> signals) {
        int changed = 0;
        for (AtsSignal s : signals) {
            if (s instanceof AtsSignal.Status st) {
                changed += applyStatus(conn, st) ? 1 : 0;
            } else if (s instanceof AtsSignal.JobChange jc) {
                changed += jobs.applyChange(conn, jc) ? 1 : 0;
            }
        }
        return changed;
    }

    private boolean applyStatus(ConnectionContext conn, AtsSignal.Status signal) {
        final AtsSignal.Status s = signal;
        Instant now = clock.instant();
        String appId = s.atsApplicationId() != null ? s.atsApplicationId() : s.atsCandidateId();
        if (appId == null) {
            return false;
        }
        Optional<ReferenceRepository.ApplicationRef> found = refs.findApplication(conn.connectionId(), appId);
        if (found.isEmpty() && (s.boardCandidateId() == null || !refs.isOurs(conn.connectionId(), s.boardCandidateId()))) {
            log.debug("{} signal for unknown candidacy {} of connection {}: ignored", conn.provider(), appId, conn.connectionId());
            return false;
        }
        ReferenceRepository.ApplicationRef ref = found.isPresent() ? found.get() : refs.upsertApplication(conn.connectionId(),
                conn.companyId(), appId, signal.atsCandidateId(), signal.boardCandidateId(), null, null, signal.atsJobId(), null, now);
        if (found.isEmpty() && s.boardCandidateId() != null && s.atsCandidateId() != null) {
            // the ATS told us which person our board candidate became: the outbox reconciles ambiguous creates with it,
            // now rather than when the reconcile window ends
            refs.upsertCandidate(conn.connectionId(), conn.companyId(), s.boardCandidateId(), s.atsCandidateId(), now);
            refs.wakeAmbiguousDeliveries(conn.connectionId(), s.boardCandidateId(), now);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            // ATS clocks may be stamped to the second (Greenhouse's last_activity_at) or the millisecond: only a signal
            // a full second older than the last one applied is known to be stale; closer ones are an ambiguous order
            if (s.occurredAt() != null && ref.atsEventAt() != null && s.occurredAt().plusSeconds(1).isBefore(ref.atsEventAt())) {
                // ATSs redeliver late and out of order: an older signal must not move the status back
                log.debug("{} signal {} for {} is older than the last one applied: skipped", conn.provider(), s.kind(), appId);
                return false;
            }
            ApplicationStatus next = statusFor(conn, s, ref);
            String previous = ref.status();
            if (s.occurredAt() != null && ref.atsEventAt() != null
                    && java.time.Duration.between(s.occurredAt(), ref.atsEventAt()).abs().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
                // two changes in the same ATS second (Greenhouse stamps seconds) may have arrived in either order:
                // apply in arrival order now, and re-read the candidacy from the ATS shortly to settle on the truth
                refs.confirmLater(ref.id(), now.plusSeconds(2));
            }
            String stage = s.stageName() != null ? s.stageName() : ref.atsStage();
            if (next.wire().equals(previous)) {
                if (s.stageName() != null && !s.stageName().equals(ref.atsStage())) {
                    refs.updateStatus(ref.id(), previous, previous, s.stageName(), s.occurredAt(), now);
                }
                return false;
            }
            if (refs.updateStatus(ref.id(), previous, next.wire(), s.stageName(), s.occurredAt(), now)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("provider", conn.provider());
                data.put("boardCandidateId", ref.boardCandidateId() != null ? ref.boardCandidateId() : s.boardCandidateId());
                data.put("boardApplicationId", ref.boardApplicationId());
                data.put("boardJobId", ref.boardJobId());
                data.put("atsCandidateId", ref.atsCandidateId() != null ? ref.atsCandidateId() : s.atsCandidateId());
                data.put("atsApplicationId", ref.atsApplicationId());
                data.put("atsJobId", ref.atsJobId() != null ? ref.atsJobId() : s.atsJobId());
                data.put("status", next.wire());
                data.put("previousStatus", previous);
                data.put("atsStage", stage);
                data.put("signal", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                events.append(conn.companyId(), EventService.STATUS_CHANGED, data);
                return true;
            }
            ref = refs.findApplication(conn.connectionId(), appId).orElseThrow();
        }
        log.warn("status of {} kept changing under us; signal {} dropped", appId, s.kind());
        return false;
    }

    private ApplicationStatus statusFor(ConnectionContext conn, AtsSignal.Status s, ReferenceRepository.ApplicationRef ref) {
        return switch (s.kind()) {
            case HIRED -> ApplicationStatus.HIRED;
            case REJECTED -> ApplicationStatus.REJECTED;
            case WITHDRAWN -> ApplicationStatus.WITHDRAWN;
            case UNREJECTED -> translator.forStage(conn.provider(), s.stageName() != null ? s.stageName() : ref.atsStage(), conn.settings());
            case STAGE, CREATED -> translator.forStage(conn.provider(), s.stageName(), conn.settings());
        };
    }
}
