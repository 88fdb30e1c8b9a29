package io.atsbridge.core.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.connection.StoredConnection;
import io.atsbridge.core.event.EventService;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Screening;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.core.provider.ProviderRegistry;
import io.atsbridge.core.status.ReferenceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs due deliveries from the outbox. Each is claimed with a lease (so a crashed instance's work is picked up
 * again), sent to its provider flow route, and its outcome written back: delivered with the ATS ids; retried on a
 * durable schedule (exponential backoff with jitter, Retry-After honoured) for timeouts, resets, 429 and 5xx; failed
 * at once for other refusals; dead after the last attempt, with a {@code delivery.dead} event.
 *
 * <p>An ambiguous failure (sent, no answer) is reconciled before the next attempt: if the ATS meanwhile told us (by
 * webhook) what it created for this board candidate, the delivery is done with those ids instead of creating again.
 */
@Component("deliveryDispatcher")
public class DeliveryDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int WORKERS = 8;
    private final DeliveryRepository repo;
    private final ConnectionService connections;
    private final ProviderRegistry providers;
    private final ReferenceRepository refs;
    private final EventService events;
    private final BoardCallbackSender callbacks;
    private final ProducerTemplate template;
    private final CamelContext camel;
    private final ObjectMapper json;
    private final AtsBridgeProperties props;
    private final DeliveryWakeUp wakeUp;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();  // + a fresh token per claim
    private final Semaphore capacity = new Semaphore(WORKERS);
    private final java.util.concurrent.ConcurrentHashMap<String, String> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "delivery-leases");
        t.setDaemon(true);
        return t;
    });
    private final io.atsbridge.core.connection.ConnectionRepository connectionRepo;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "delivery");
        t.setDaemon(true);
        return t;
    });

    public DeliveryDispatcher(DeliveryRepository repo, ConnectionService connections, ProviderRegistry providers, ReferenceRepository refs,
                              EventService events, BoardCallbackSender callbacks, ProducerTemplate template, CamelContext camel,
                              ObjectMapper json, AtsBridgeProperties props, DeliveryWakeUp wakeUp, MeterRegistry meters,
                              Optional<Clock> clock, io.atsbridge.core.connection.ConnectionRepository connectionRepo) {
        this.connectionRepo = connectionRepo;
        leases.scheduleAtFixedRate(this::renewLeasesQuietly, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        this.repo = repo;
        this.connections = connections;
        this.providers = providers;
        this.refs = refs;
        this.events = events;
        this.callbacks = callbacks;
        this.template = template;
        this.camel = camel;
        this.json = json;
        this.props = props;
        this.wakeUp = wakeUp;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One poll (the {@code core-delivery-dispatcher} route calls it): claims what is due and hands it to the workers. */
    public int dispatchDue() throws InterruptedException {
        int n = claimAndSubmit();
        if (n == 0) {
            wakeUp.await(props.getDelivery().getPollIntervalMs());
            n = claimAndSubmit();
        }
        return n;
    }

    private int claimAndSubmit() {
        int free = capacity.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<DeliveryRepository.Claim> due = repo.claimDue(owner, now, now.plus(LEASE), Math.min(free, props.getDelivery().getBatchSize()));
        for (DeliveryRepository.Claim c : due) {
            capacity.acquireUninterruptibly();
            running.put(c.delivery().id(), c.token());
            workers.submit(() -> {
                try {
                    execute(c);
                } catch (RuntimeException e) {
                    log.error("delivery {} could not be recorded; its lease expires and it runs again", c.delivery().id(), e);
                } finally {
                    running.remove(c.delivery().id());
                    capacity.release();
                }
            });
        }
        return due.size();
    }

    /** Keeps the leases of the deliveries this instance is running alive, so no other claimer takes them over. */
    void renewLeases() {
        Instant until = clock.instant().plus(LEASE);
        running.forEach((id, token) -> {
            if (!repo.renew(id, token, until)) {
                log.warn("delivery {}: lease lost while running; its outcome will not be recorded by this attempt", id);
            }
        });
    }

    /** Runs one claimed delivery and records the outcome; an unexpected error is classified, never left looping. */
    void execute(DeliveryRepository.Claim claim) {
        Delivery d = claim.delivery();
        DeliveryProgress progress = new DeliveryProgress(d.progress(), m -> repo.saveProgress(d.id(), claim.token(), m));
        try {
            run(claim, d, progress);
        } catch (RuntimeException e) {
            log.error("delivery {} ({}) failed unexpectedly", d.id(), d.kind(), e);
            failed(claim, new AtsException(AtsException.Kind.UNAVAILABLE, 0, "internal error: " + e.getClass().getSimpleName(), null, e),
                    progress, null);
        }
    }

    private void run(DeliveryRepository.Claim claim, Delivery d, DeliveryProgress progress) {
        if (Delivery.BOARD_CALLBACK.equals(d.kind())) {
            try {
                callbacks.send(d.payload());
                delivered(claim, AtsRefs.of(null, null), progress);
            } catch (AtsException e) {
                failed(claim, e, progress, null);
            }
            return;
        }
        Optional<StoredConnection> stored = connectionRepo.findById(d.connectionId());
        if (stored.isEmpty() || "revoked".equals(stored.get().status())) {
            repo.finish(d.id(), claim.token(), "failed", "the company's ATS connection was revoked", progress.snapshot(), clock.instant());
            return;
        }
        if (!stored.get().provider().equals(d.provider())) {
            // never send one ATS's work with another ATS's credentials
            repo.finish(d.id(), claim.token(), "failed", "the company switched from " + d.provider() + " to " + stored.get().provider(),
                    progress.snapshot(), clock.instant());
            return;
        }
        if (!stored.get().active()) {
            // invalid (e.g. a revoked OAuth grant): keep the work until the company reconnects, then it goes out
            repo.retryLater(d.id(), claim.token(), clock.instant().plus(Duration.ofMinutes(15)), "the connection is invalid ("
                    + stored.get().statusReason() + "): waiting for the company to reconnect", progress.snapshot(), clock.instant());
            return;
        }
        ConnectionContext ctx = connections.context(stored.get());
        AtsProvider provider = providers.get(d.provider());
        String flow = flowOf(d.kind());
        if (camel.getRoute(ProviderFlows.routeId(d.provider(), flow)) == null) {
            repo.finish(d.id(), claim.token(), "failed", provider.descriptor().name() + " has no " + flow + " flow", progress.snapshot(), clock.instant());
            return;
        }
        if ("true".equals(progress.get("ambiguous"))) {
            Optional<AtsRefs> found = reconcile(d, ctx);
            if (found.isPresent()) {
                log.info("delivery {}: the ATS reported what the lost attempt created ({}); not sending again", d.id(), found.get().asMap());
                progress.put("reconciled", "true");
                delivered(claim, found.get(), progress);
                return;
            }
        }
        Exchange ex = new DefaultExchange(camel);
        ex.setProperty(ProviderFlows.CONNECTION, ctx);
        ex.setProperty(ProviderFlows.PROGRESS, progress);
        ex.getMessage().setBody(payload(d));
        template.send(ProviderFlows.endpoint(d.provider(), flow), ex);
        Exception error = ex.getException();
        if (error == null) {
            AtsRefs refsOut = ex.getMessage().getBody(AtsRefs.class);
            delivered(claim, refsOut == null ? AtsRefs.of(null, null) : refsOut, progress);
            return;
        }
        AtsException ats = findAts(error);
        if (ats == null) {
            log.error("delivery {} ({}) failed in the {} flow", d.id(), d.kind(), d.provider(), error);
            ats = new AtsException(AtsException.Kind.UNAVAILABLE, 0, "internal error in the " + d.provider() + " flow: "
                    + error.getClass().getSimpleName(), null, error);
        }
        failed(claim, ats, progress, provider);
    }

    private Optional<AtsRefs> reconcile(Delivery d, ConnectionContext ctx) {
        if (d.boardCandidateId() == null) {
            return Optional.empty();
        }
        String atsJobId = null;
        if (Delivery.APPLICATION_SUBMIT.equals(d.kind())) {
            atsJobId = ((BoardApplication) payload(d)).atsJobId();
        }
        return refs.findByBoardCandidate(ctx.connectionId(), d.boardCandidateId(), atsJobId)
                .map(r -> AtsRefs.of(r.atsCandidateId(), r.atsApplicationId()));
    }

    private void delivered(DeliveryRepository.Claim claim, AtsRefs out, DeliveryProgress progress) {
        Delivery d = claim.delivery();
        Instant now = clock.instant();
        if (d.connectionId() != null && d.boardCandidateId() != null && out.atsCandidateId() != null) {
            refs.upsertCandidate(d.connectionId(), d.companyId(), d.boardCandidateId(), out.atsCandidateId(), now);
        }
        if (d.connectionId() != null && out.atsApplicationId() != null) {
            String boardJobId = null;
            String atsJobId = null;
            if (Delivery.APPLICATION_SUBMIT.equals(d.kind())) {
                BoardApplication a = (BoardApplication) payload(d);
                boardJobId = a.boardJobId();
                atsJobId = a.atsJobId();
            }
            refs.upsertApplication(d.connectionId(), d.companyId(), out.atsApplicationId(), out.atsCandidateId(), d.boardCandidateId(),
                    d.boardApplicationId(), boardJobId, atsJobId, "applied", now);
        }
        if (!repo.delivered(d.id(), claim.token(), out.asMap(), progress.snapshot(), now)) {
            log.warn("delivery {}: delivered, but the claim had been lost; the other claimer reconciles from the saved progress", d.id());
            return;
        }
        meters.counter("atsbridge.deliveries", "kind", d.kind(), "outcome", "delivered").increment();
        log.info("delivery {} ({}) delivered after {} attempt(s): {}", d.id(), d.kind(), d.attempts() + 1, out.asMap().keySet());
    }

    private void failed(DeliveryRepository.Claim claim, AtsException e, DeliveryProgress progress, AtsProvider provider) {
        Delivery d = claim.delivery();
        Instant now = clock.instant();
        int attempt = d.attempts() + 1;
        if (!e.retryable()) {
            repo.finish(d.id(), claim.token(), "failed", e.getMessage(), progress.snapshot(), now);
            meters.counter("atsbridge.deliveries", "kind", d.kind(), "outcome", "failed").increment();
            log.warn("delivery {} ({}) refused by the ATS: {}", d.id(), d.kind(), e.getMessage());
            return;
        }
        if (attempt >= props.getDelivery().getMaxAttempts()) {
            if (!repo.finish(d.id(), claim.token(), "dead", e.getMessage(), progress.snapshot(), now)) {
                return;
            }
            meters.counter("atsbridge.deliveries", "kind", d.kind(), "outcome", "dead").increment();
            log.warn("delivery {} ({}) is dead after {} attempts: {}", d.id(), d.kind(), attempt, e.getMessage());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("deliveryId", d.id());
            data.put("kind", d.kind());
            data.put("attempts", attempt);
            data.put("lastError", e.getMessage());
            data.put("boardCandidateId", d.boardCandidateId());
            data.put("boardApplicationId", d.boardApplicationId());
            if (!Delivery.BOARD_CALLBACK.equals(d.kind())) {
                events.append(d.companyId(), EventService.DELIVERY_DEAD, data);
            }
            return;
        }
        Duration wait = backoff(attempt);
        if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
            wait = e.retryAfter();
        }
        if (e.kind() == AtsException.Kind.AMBIGUOUS) {
            progress.put("ambiguous", "true");
            if (provider != null && provider.reconcileWindow().compareTo(wait) > 0) {
                wait = provider.reconcileWindow();
            }
        }
        repo.retryLater(d.id(), claim.token(), now.plus(wait), e.getMessage(), progress.snapshot(), now);
        meters.counter("atsbridge.deliveries", "kind", d.kind(), "outcome", "retry").increment();
        log.info("delivery {} ({}) attempt {} failed ({}: {}); next attempt in {} ms", d.id(), d.kind(), attempt, e.kind(),
                e.getMessage(), wait.toMillis());
    }

    /** Exponential backoff with jitter: base·2^(n-1), capped, then a random point in its upper half. */
    Duration backoff(int attempt) {
        long base = props.getDelivery().getInitialBackoff().toMillis();
        long cap = props.getDelivery().getMaxBackoff().toMillis();
        long exp = Math.min(cap, base << Math.min(20, attempt - 1));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    private Object payload(Delivery d) {
        try {
            return switch (d.kind()) {
                case Delivery.CANDIDATE_EXPORT -> json.readValue(d.payload(), Candidate.class);
                case Delivery.APPLICATION_SUBMIT -> json.readValue(d.payload(), BoardApplication.class);
                case Delivery.SCREENING_ATTACH -> json.readValue(d.payload(), Screening.class);
                default -> throw new IllegalStateException("unknown delivery kind " + d.kind());
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored payload of delivery " + d.id() + " is unreadable", e);
        }
    }

    static String flowOf(String kind) {
        return switch (kind) {
            case Delivery.CANDIDATE_EXPORT -> ProviderFlows.CANDIDATE_EXPORT;
            case Delivery.APPLICATION_SUBMIT -> ProviderFlows.APPLICATION_SUBMIT;
            case Delivery.SCREENING_ATTACH -> ProviderFlows.SCREENING_ATTACH;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static AtsException findAts(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AtsException a) {
                return a;
            }
        }
        return null;
    }

    private void renewLeasesQuietly() {
        try {
            renewLeases();
        } catch (RuntimeException e) {
            log.warn("could not renew delivery leases: {}", e.getMessage());
        }
    }

    /** On shutdown: claim nothing more and let running attempts finish (an interrupted create would be ambiguous). */
    @PreDestroy
    void stop() throws InterruptedException {
        capacity.drainPermits();
        workers.shutdown();
        if (!workers.awaitTermination(40, java.util.concurrent.TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        leases.shutdownNow();
    }
}
