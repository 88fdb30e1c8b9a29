package io.atsbridge.core.job;

import io.atsbridge.core.HubException;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.connection.StoredConnection;
import io.atsbridge.core.db.Db;
import io.atsbridge.core.event.EventService;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The job-import engine. A run pages through the provider (one page in memory at a time), upserts each job by content
 * hash, records which ids it saw, and only after a complete run reflects the jobs it did not see — unless more than
 * half of the open jobs vanished at once, which looks like an ATS or permission glitch: then the run ends
 * {@code suspect}, an event says so, and nothing is closed or deleted. A failed run changes no job state.
 */
@Service("jobImportService")
public class JobImportService {
    private static final Logger log = LoggerFactory.getLogger(JobImportService.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private final ConnectionRepository connections;
    private final ConnectionService connectionService;
    private final ProviderRegistry providers;
    private final SyncRunRepository runs;
    private final JobStore jobs;
    private final EventService events;
    private final AtsBridgeProperties props;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "job-import");
        t.setDaemon(true);
        return t;
    });

    public JobImportService(ConnectionRepository connections, ConnectionService connectionService, ProviderRegistry providers,
                            SyncRunRepository runs, JobStore jobs, EventService events, AtsBridgeProperties props, Optional<Clock> clock,
                            org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.connections = connections;
        this.connectionService = connectionService;
        this.providers = providers;
        this.runs = runs;
        this.jobs = jobs;
        this.events = events;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The scheduled tick: frees abandoned runs, then starts an import for every connection whose interval has elapsed. */
    public int startDueImports() {
        Instant now = clock.instant();
        for (String id : runs.abandoned(now.minus(ABANDONED_AFTER), now.minus(Duration.ofHours(1)))) {
            log.warn("sync run {} stopped reporting progress: marked failed", id);
            runs.finished(id, "failed", 0, 0, "abandoned: the instance running it stopped", now);
        }
        int started = 0;
        for (StoredConnection c : connections.findDueForSync(now)) {
            if (start(c, "schedule").created()) {
                started++;
            }
        }
        return started;
    }

    public record Started(SyncRun run, boolean created) { }

    /** A new or renewed connection imports its jobs at once rather than at the next tick. */
    @org.springframework.context.event.EventListener
    public void onConnected(ConnectionService.Connected connected) {
        connections.findById(connected.view().id()).filter(StoredConnection::active).ifPresent(c -> start(c, "connect"));
    }

    /** "Sync now": starts a run, or returns the one already queued or running for the company. */
    public Started startNow(String companyId) {
        StoredConnection c = connections.findByCompany(companyId).filter(StoredConnection::active)
                .orElseThrow(() -> HubException.notFound("company " + companyId + " has no active ATS connection"));
        return start(c, "manual");
    }

    public Optional<SyncRun> find(String companyId, String runId) {
        return runs.find(runId).filter(r -> r.companyId().equals(companyId));
    }

    private Started start(StoredConnection c, String trigger) {
        String id = Db.newId("sync");
        Instant now = clock.instant();
        if (!runs.insertIfIdle(id, c.id(), c.companyId(), trigger, now)) {
            return runs.findActive(c.id()).map(r -> new Started(r, false))
                    .orElseGet(() -> start(c, trigger)); // it finished in between: try once more
        }
        // the next scheduled import counts from this start, whatever triggered it
        connections.scheduleNextSync(c.id(), null, now.plus(connectionService.syncInterval(c)));
        executor.submit(() -> run(id, c.id()));
        return new Started(runs.find(id).orElseThrow(), true);
    }

    /** Runs one import to its end; public for tests that drive a run on the calling thread. */
    public void run(String runId, String connectionId) {
        Instant started = clock.instant();
        if (!runs.started(runId, started)) {
            log.warn("sync run {} is no longer queued (declared abandoned): not started", runId);
            return;
        }
        Optional<ConnectionContext> ctxOpt = connectionService.context(connectionId);
        if (ctxOpt.isEmpty()) {
            runs.finished(runId, "failed", 0, 0, "the connection is no longer active", clock.instant());
            return;
        }
        ConnectionContext ctx = ctxOpt.get();
        AtsProvider provider = providers.get(ctx.provider());
        int openBefore = jobs.countOpen(connectionId);
        int pages = 0, seen = 0, created = 0, updated = 0, unchanged = 0;
        try {
            String cursor = null;
            do {
                JobPage page = fetchPage(provider, ctx, cursor);
                pages++;
                int[] counts = new int[3];
                // one transaction per page: its upserts, their events, the seen ids and the progress commit together
                tx.executeWithoutResult(status -> {
                    List<String> ids = new ArrayList<>(page.jobs().size());
                    for (Job j : page.jobs()) {
                        counts[jobs.upsert(ctx, j).ordinal()]++;
                        ids.add(j.atsJobId());
                    }
                    runs.recordSeen(runId, ids);
                });
                created += counts[JobStore.Outcome.CREATED.ordinal()];
                updated += counts[JobStore.Outcome.UPDATED.ordinal()];
                unchanged += counts[JobStore.Outcome.UNCHANGED.ordinal()];
                seen += page.jobs().size();
                runs.progress(runId, pages, seen, created, updated, unchanged, clock.instant());
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (AtsException | RuntimeException e) {
            // a failed or partial run deletes nothing: the jobs it did not reach are simply not looked at
            String why = e instanceof AtsException ? e.getMessage() : "internal error: " + e.getClass().getSimpleName();
            log.warn("job import {} for company {} failed after {} page(s): {}", runId, ctx.companyId(), pages, why,
                    e instanceof AtsException ? null : e);
            runs.finished(runId, "failed", 0, 0, why, clock.instant());
            runs.forgetSeen(runId);
            completedEvent(ctx, runId, "failed", pages, seen, created, updated, unchanged, 0, 0, why);
            return;
        }
        List<String[]> unseen = runs.unseen(connectionId, runId, started);
        long vanishedOpen = unseen.stream().filter(r -> "open".equals(r[1])).count();
        int closed = 0, deleted = 0;
        String status = "completed";
        String note = null;
        if (vanishedOpen > 0 && openBefore >= props.getJobs().getSuspectMinOpen() && vanishedOpen * 2 > openBefore) {
            status = "suspect";
            note = vanishedOpen + " of " + openBefore + " open jobs vanished at once: nothing was closed or deleted";
            log.warn("job import {} for company {}: {}", runId, ctx.companyId(), note);
            events.append(ctx.companyId(), EventService.SYNC_SUSPECT, Map.of("syncRunId", runId, "provider", ctx.provider(),
                    "vanishedOpenJobs", vanishedOpen, "openJobsBefore", openBefore));
        } else {
            JobState gone = provider.vanishedJobState();
            for (String[] r : unseen) {
                if (gone == JobState.CLOSED && !"open".equals(r[1])) {
                    continue; // a closed or draft job missing from an open-only list tells us nothing new
                }
                if (jobs.setState(ctx, r[0], gone)) {
                    if (gone == JobState.DELETED) {
                        deleted++;
                    } else {
                        closed++;
                    }
                }
            }
        }
        Instant end = clock.instant();
        runs.finished(runId, status, closed, deleted, note, end);
        runs.forgetSeen(runId);
        connections.scheduleNextSync(connectionId, end, started.plus(connectionService.syncInterval(
                connections.findById(connectionId).orElseThrow())));
        completedEvent(ctx, runId, status, pages, seen, created, updated, unchanged, closed, deleted, note);
        log.info("job import {} for company {} {}: {} page(s), {} seen, {} created, {} updated, {} unchanged, {} closed, {} deleted",
                runId, ctx.companyId(), status, pages, seen, created, updated, unchanged, closed, deleted);
    }

    /** One page; an import waits out the ATS's rate limiting (a few times) instead of failing the whole run. */
    private JobPage fetchPage(AtsProvider provider, ConnectionContext ctx, String cursor) throws AtsException {
        for (int attempt = 1; ; attempt++) {
            try {
                return provider.fetchJobs(ctx, cursor);
            } catch (AtsException e) {
                if (e.kind() != AtsException.Kind.RATE_LIMITED || attempt >= 5) {
                    throw e;
                }
                long ms = e.retryAfter() == null ? 2000L * attempt : Math.min(60_000, Math.max(200, e.retryAfter().toMillis()));
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void completedEvent(ConnectionContext ctx, String runId, String status, int pages, int seen, int created, int updated,
                                int unchanged, int closed, int deleted, String error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("syncRunId", runId);
        data.put("provider", ctx.provider());
        data.put("status", status);
        data.put("pages", pages);
        data.put("seen", seen);
        data.put("created", created);
        data.put("updated", updated);
        data.put("unchanged", unchanged);
        data.put("closed", closed);
        data.put("deleted", deleted);
        data.put("error", error);
        events.append(ctx.companyId(), EventService.SYNC_COMPLETED, data);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
