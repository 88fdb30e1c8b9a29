package io.atsbridge.core.status;

import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.connection.StoredConnection;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ProviderRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The status fallback for companies without webhooks: asks the ATS for the current state of recent candidacies we
 * created whose status is not final yet. Unchanged statuses produce nothing; an empty answer is "unknown", never a
 * deletion.
 */
@Service("statusPollService")
public class StatusPollService {
    private static final Logger log = LoggerFactory.getLogger(StatusPollService.class);
    private final ConnectionRepository connections;
    private final ConnectionService connectionService;
    private final ProviderRegistry providers;
    private final ReferenceRepository refs;
    private final SignalService signals;
    private final Duration interval;
    private final Duration window;
    private final Clock clock;

    public StatusPollService(ConnectionRepository connections, ConnectionService connectionService, ProviderRegistry providers,
                             ReferenceRepository refs, SignalService signals,
                             @Value("${atsbridge.status-poll.min-interval:PT15M}") Duration interval,
                             @Value("${atsbridge.status-poll.window:P30D}") Duration window, Optional<Clock> clock) {
        this.connections = connections;
        this.connectionService = connectionService;
        this.providers = providers;
        this.refs = refs;
        this.signals = signals;
        this.interval = interval;
        this.window = window;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One pass over every active connection; returns the number of status changes found. */
    public int pollAll() {
        int changed = 0;
        for (StoredConnection c : connections.findActive()) {
            changed += poll(connectionService.context(c));
        }
        return changed;
    }

    /**
     * Settles candidacies whose last signals carried the same ATS time (order unknown): their current state is read
     * from the ATS and applied; an unchanged status emits nothing.
     */
    public int confirmDue() {
        int changed = 0;
        for (ReferenceRepository.ApplicationRef r : refs.dueForConfirmation(clock.instant(), 20)) {
            refs.confirmed(r.id());
            if (r.atsCandidateId() == null) {
                continue;
            }
            Optional<ConnectionContext> ctx = connectionService.context(r.connectionId());
            if (ctx.isEmpty()) {
                continue;
            }
            try {
                List<AtsSignal> found = providers.get(ctx.get().provider()).pollStatuses(ctx.get(), List.of(r.atsCandidateId()));
                changed += signals.apply(ctx.get(), found.stream().filter(s -> s instanceof AtsSignal.Status st
                        && r.atsApplicationId().equals(st.atsApplicationId())).toList());
            } catch (AtsException e) {
                log.debug("could not confirm {} with {}: {}", r.atsApplicationId(), ctx.get().provider(), e.getMessage());
            }
        }
        return changed;
    }

    public int poll(ConnectionContext ctx) {
        Instant now = clock.instant();
        List<ReferenceRepository.ApplicationRef> due = refs.dueForPoll(ctx.connectionId(), now.minus(window), now.minus(interval), 200);
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> ids = new LinkedHashSet<>();
        due.forEach(r -> {
            if (r.atsCandidateId() != null) {
                ids.add(r.atsCandidateId());
            }
        });
        try {
            List<AtsSignal> found = providers.get(ctx.provider()).pollStatuses(ctx, ids);
            int changed = signals.apply(ctx, found);
            refs.markPolled(due.stream().map(ReferenceRepository.ApplicationRef::id).toList(), now);
            return changed;
        } catch (AtsException e) {
            log.warn("status poll for company {} failed: {}", ctx.companyId(), e.getMessage());
            return 0;
        }
    }
}
