package io.atsbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atsbridge.core.HubException;
import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.connection.StoredConnection;
import io.atsbridge.core.delivery.Delivery;
import io.atsbridge.core.delivery.DeliveryRepository;
import io.atsbridge.core.delivery.DeliveryService;
import io.atsbridge.core.event.EventService;
import io.atsbridge.core.job.JobImportService;
import io.atsbridge.core.job.JobLinkRepository;
import io.atsbridge.core.job.JobStore;
import io.atsbridge.core.job.SyncRun;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Screening;
import io.atsbridge.core.webhook.WebhookService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The board API beyond connections (DESIGN.md contract): jobs and syncs, job links, Send to ATS, applications,
 * screenings, deliveries, the events feed, and the operators' webhook receipts.
 */
@Component
public class BoardApi extends RouteBuilder {
    private static final String CO = "/api/v1/companies/{companyId}";
    private static final Set<String> JOB_STATES = Set.of("open", "closed", "draft", "deleted");
    private final ApiSupport api;
    private final ConnectionRepository connections;
    private final DeliveryService deliveries;
    private final DeliveryRepository deliveryRepo;
    private final EventService events;
    private final JobImportService imports;
    private final JobStore jobs;
    private final JobLinkRepository links;
    private final WebhookService webhooks;
    private final Clock clock;

    public BoardApi(ApiSupport api, ConnectionRepository connections, DeliveryService deliveries, DeliveryRepository deliveryRepo,
                    EventService events, JobImportService imports, JobStore jobs, JobLinkRepository links, WebhookService webhooks,
                    Optional<Clock> clock) {
        this.api = api;
        this.connections = connections;
        this.deliveries = deliveries;
        this.deliveryRepo = deliveryRepo;
        this.events = events;
        this.imports = imports;
        this.jobs = jobs;
        this.links = links;
        this.webhooks = webhooks;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public void configure() {
        route("GET", CO + "/jobs", "core-api-jobs", e -> {
            StoredConnection c = connection(e);
            String state = api.query(e, "state");
            if (state != null && !JOB_STATES.contains(state)) {
                throw HubException.badRequest("state", "state must be one of " + JOB_STATES);
            }
            int limit = intParam(e, "limit", 500, 1, 5000);
            int offset = intParam(e, "offset", 0, 0, Integer.MAX_VALUE);
            api.respond(e, 200, Map.of("jobs", jobs.list(c.id(), state, limit, offset)));
        });

        route("POST", CO + "/syncs", "core-api-sync-start", e -> {
            JobImportService.Started s = imports.startNow(api.path(e, "companyId"));
            Map<String, Object> body = syncView(s.run());
            body.put("syncRunId", s.run().id());
            body.put("alreadyRunning", !s.created());
            api.respond(e, 202, body);
        });

        route("GET", CO + "/syncs/{syncRunId}", "core-api-sync-get", e -> {
            String company = api.path(e, "companyId");
            SyncRun r = imports.find(company, api.path(e, "syncRunId"))
                    .orElseThrow(() -> HubException.notFound("no sync run " + e.getMessage().getHeader("syncRunId") + " for company " + company));
            api.respond(e, 200, syncView(r));
        });

        route("GET", CO + "/job-links", "core-api-job-links", e ->
                api.respond(e, 200, Map.of("jobLinks", links.list(api.path(e, "companyId")))));

        route("PUT", CO + "/job-links/{boardJobId}", "core-api-job-link-put", e -> {
            StoredConnection c = connection(e);
            String atsJobId = ApiSupport.text(api.object(e), "atsJobId");
            if (jobs.find(c.id(), atsJobId).isEmpty()) {
                throw HubException.unprocessable("unknown_ats_job", "no imported " + c.provider() + " job " + atsJobId
                        + " (import jobs first: POST " + CO.replace("{companyId}", c.companyId()) + "/syncs)", "atsJobId");
            }
            String boardJobId = api.path(e, "boardJobId");
            links.link(c.companyId(), boardJobId, atsJobId, clock.instant());
            api.respond(e, 200, Map.of("boardJobId", boardJobId, "atsJobId", atsJobId));
        });

        route("DELETE", CO + "/job-links/{boardJobId}", "core-api-job-link-delete", e -> {
            String company = api.path(e, "companyId");
            String boardJobId = api.path(e, "boardJobId");
            if (!links.unlink(company, boardJobId)) {
                throw HubException.notFound("board job " + boardJobId + " is not linked");
            }
            api.respond(e, 204, null);
        });

        route("POST", CO + "/candidates/{boardCandidateId}/exports", "core-api-candidate-export", e -> {
            StoredConnection c = connection(e);
            String boardCandidateId = api.path(e, "boardCandidateId");
            Candidate cand = CanonicalParser.candidate(api.object(e), boardCandidateId, "");
            DeliveryService.Enqueued q = deliveries.enqueue(c.companyId(), c.id(), c.provider(), Delivery.CANDIDATE_EXPORT,
                    boardCandidateId, cand, boardCandidateId, null);
            api.respond(e, 202, accepted(q));
        });

        route("POST", CO + "/applications", "core-api-application-submit", e -> {
            StoredConnection c = connection(e);
            ObjectNode body = api.object(e);
            String appId = ApiSupport.text(body, "boardApplicationId");
            String boardJobId = ApiSupport.text(body, "boardJobId");
            JsonNode cn = body.get("candidate");
            String candId = cn != null && cn.isObject() ? CanonicalParser.required(cn, "boardCandidateId", "candidate.") : null;
            Candidate cand = CanonicalParser.candidate(cn, candId, "candidate.");
            BoardApplication app = new BoardApplication(appId, boardJobId, null, cand, CanonicalParser.instant(body, "appliedAt"));
            Optional<String> atsJob = links.atsJobId(c.companyId(), boardJobId);
            if (atsJob.isEmpty()) {
                api.respond(e, 200, Map.of("exported", false, "reason", "board job " + boardJobId + " is not linked to an ATS job"));
                return;
            }
            app = new BoardApplication(appId, boardJobId, atsJob.get(), cand, app.appliedAt());
            DeliveryService.Enqueued q = deliveries.enqueue(c.companyId(), c.id(), c.provider(), Delivery.APPLICATION_SUBMIT, appId, app,
                    candId, appId);
            Map<String, Object> out = accepted(q);
            out.put("exported", true);
            api.respond(e, 202, out);
        });

        route("POST", CO + "/screenings", "core-api-screening", e -> {
            StoredConnection c = connection(e);
            ObjectNode body = api.object(e);
            String screeningId = ApiSupport.text(body, "screeningId");
            JsonNode cn = body.get("candidate");
            String candId = cn != null && cn.isObject() ? CanonicalParser.optional(cn, "boardCandidateId", "candidate.") : null;
            Candidate cand = CanonicalParser.candidate(cn, candId, "candidate.");
            String atsJobId = ApiSupport.optText(body, "atsJobId");
            String boardJobId = ApiSupport.optText(body, "boardJobId");
            if (atsJobId == null && boardJobId != null) {
                atsJobId = links.atsJobId(c.companyId(), boardJobId).orElseThrow(() -> HubException.unprocessable("job_not_linked",
                        "board job " + boardJobId + " is not linked to an ATS job", "boardJobId"));
            }
            if (atsJobId == null) {
                throw HubException.badRequest("atsJobId", "atsJobId (or a linked boardJobId) is required");
            }
            Screening.Outcome outcome = CanonicalParser.outcome(body);
            JsonNode t = body.get("transcript");
            if (t == null || !t.isObject()) {
                throw HubException.badRequest("transcript", "transcript {fileName, contentBase64} is required");
            }
            String content = CanonicalParser.required(t, "contentBase64", "transcript.");
            String sha = CanonicalParser.pdf(content, "transcript.contentBase64");
            String fileName = Optional.ofNullable(CanonicalParser.optional(t, "fileName", "transcript.")).orElse("screening-" + screeningId + ".pdf");
            if (getContext().getRoute(io.atsbridge.core.provider.ProviderFlows.routeId(c.provider(),
                    io.atsbridge.core.provider.ProviderFlows.SCREENING_ATTACH)) == null) {
                throw HubException.unprocessable("unsupported", "screening results are not supported for " + c.provider() + " yet", null);
            }
            Screening s = new Screening(screeningId, cand, atsJobId, outcome, content, fileName, sha, ApiSupport.optText(body, "summary"));
            DeliveryService.Enqueued q = deliveries.enqueue(c.companyId(), c.id(), c.provider(), Delivery.SCREENING_ATTACH, screeningId, s,
                    candId, null);
            api.respond(e, 202, accepted(q));
        });

        route("GET", "/api/v1/deliveries/{deliveryId}", "core-api-delivery-get", e -> {
            String id = api.path(e, "deliveryId");
            api.respond(e, 200, deliveryView(deliveries.find(id).orElseThrow(() -> HubException.notFound("no delivery " + id))));
        });

        route("POST", "/api/v1/deliveries/{deliveryId}/retry", "core-api-delivery-retry", e ->
                api.respond(e, 202, deliveryView(deliveries.retry(api.path(e, "deliveryId")))));

        route("GET", CO + "/deliveries", "core-api-deliveries", e -> {
            String status = api.query(e, "status");
            api.respond(e, 200, Map.of("deliveries", deliveryRepo.findByCompany(api.path(e, "companyId"), status,
                    intParam(e, "limit", 100, 1, 1000)).stream().map(BoardApi::deliveryView).toList()));
        });

        route("GET", CO + "/events", "core-api-events", e -> {
            String company = api.path(e, "companyId");
            long after = longParam(e, "after", 0);
            int limit = intParam(e, "limit", 100, 1, 1000);
            List<EventService.Event> list = events.feed(company, after, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("events", list);
            out.put("next", list.isEmpty() ? Long.toString(after) : list.get(list.size() - 1).id());
            api.respond(e, 200, out);
        });

        route("GET", CO + "/webhook-receipts", "core-api-webhook-receipts", e -> {
            StoredConnection c = anyConnection(e);
            api.respond(e, 200, Map.of("receipts", webhooks.list(c.id(), intParam(e, "limit", 100, 1, 1000))));
        });

        route("POST", CO + "/webhook-receipts/{receiptId}/replay", "core-api-webhook-replay", e -> {
            StoredConnection c = anyConnection(e);
            long id = longParam(e, "receiptId", -1);
            if (!webhooks.replay(c.id(), id)) {
                throw HubException.conflict("receipt " + id + " cannot be replayed (unknown, rejected, or still pending)");
            }
            api.respond(e, 202, Map.of("receiptId", Long.toString(id), "status", "accepted"));
        });
    }

    private interface Handler {
        void handle(Exchange e) throws Exception;
    }

    private void route(String method, String path, String id, Handler h) {
        from("platform-http:" + path + "?httpMethodRestrict=" + method).routeId(id).routeConfigurationId(ApiErrors.ID)
                .removeHeaders("Authorization|Cookie") // the bearer token must not ride along where tracing could show it
                .process(h::handle);
    }

    private StoredConnection anyConnection(Exchange e) {
        String company = api.path(e, "companyId");
        return connections.findByCompany(company).orElseThrow(() -> HubException.notFound("company " + company + " has no ATS connection"));
    }

    /** The company's active connection; 409 when it has none active (revoked or invalid). */
    private StoredConnection connection(Exchange e) {
        StoredConnection c = anyConnection(e);
        if (!c.active()) {
            throw new HubException(409, "not_connected", "company " + c.companyId() + "'s " + c.provider() + " connection is " + c.status()
                    + (c.statusReason() == null ? "" : " (" + c.statusReason() + ")") + ": reconnect first", null);
        }
        return c;
    }

    private static Map<String, Object> accepted(DeliveryService.Enqueued q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", q.delivery().id());
        m.put("status", q.delivery().status());
        m.put("duplicate", !q.created());
        return m;
    }

    static Map<String, Object> deliveryView(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind());
        m.put("status", d.status());
        m.put("attempts", d.attempts());
        m.put("lastError", d.lastError());
        m.put("atsRefs", d.atsRefs());
        m.put("companyId", d.companyId());
        m.put("provider", d.provider());
        m.put("boardCandidateId", d.boardCandidateId());
        m.put("boardApplicationId", d.boardApplicationId());
        m.put("nextAttemptAt", d.isFinal() ? null : d.nextAttemptAt());
        m.put("createdAt", d.createdAt());
        m.put("updatedAt", d.updatedAt());
        return m;
    }

    private static Map<String, Object> syncView(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("companyId", r.companyId());
        m.put("trigger", r.trigger());
        m.put("status", r.status());
        m.put("pages", r.pages());
        m.put("seen", r.seen());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("closed", r.closed());
        m.put("deleted", r.deleted());
        m.put("error", r.error());
        m.put("createdAt", r.createdAt());
        m.put("startedAt", r.startedAt());
        m.put("finishedAt", r.finishedAt());
        return m;
    }

    private int intParam(Exchange e, String name, int dflt, int min, int max) {
        long v = longParam(e, name, dflt);
        if (v < min || v > max) {
            throw HubException.badRequest(name, name + " must be between " + min + " and " + max);
        }
        return (int) v;
    }

    private long longParam(Exchange e, String name, long dflt) {
        String s = api.query(e, name);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException ex) {
            throw HubException.badRequest(name, name + " must be a whole number");
        }
    }
}
