package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderDescriptor;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.core.provider.ValidationResult;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateStatus;
import io.atsbridge.provider.greenhouse.api.PartnerUser;
import io.atsbridge.provider.greenhouse.mapping.StatusMapper;
import io.atsbridge.provider.greenhouse.webhook.SignatureVerifier;
import io.atsbridge.provider.greenhouse.webhook.WebhookParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Greenhouse behind the provider seam: Candidate Ingestion (partner API) for people and applications and its job
 * list, the Job Board API for public job content, recruiting webhooks for status and job changes, and the partner
 * status read as the fallback poll. Harvest v1/v2 are retired; see {@link JobSource}. The outbound flows are the
 * YAML routes {@code routes/candidate-export/greenhouse-candidate-export.yaml} and
 * {@code routes/application-submit/greenhouse-application-submit.yaml}, whose call step is {@link GreenhouseIngestion}.
 */
@Component("greenhouse")
public class GreenhouseProvider implements AtsProvider {
    public static final String ID = "greenhouse";
    /** Greenhouse's per-delivery id, the dedupe key (fact sheet §4.1). */
    static final String EVENT_ID_HEADER = "Greenhouse-Event-ID";
    static final String REFUSED_KEY = "Greenhouse refused the key or the On-Behalf-Of user";

    private final GreenhouseClient client;
    private final GreenhouseProperties props;
    private final List<JobSource> jobSources;

    public GreenhouseProvider(GreenhouseClient client, GreenhouseProperties props, List<JobSource> jobSources) {
        this.client = client;
        this.props = props;
        this.jobSources = List.copyOf(jobSources);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return GreenhouseDescriptor.build(ID, props.getDocsUrl(), props.getPermitsPerSecond(), props.getBurst());
    }

    @Override
    public RateLimit rateLimit() {
        return client.rateLimit();
    }

    @Override
    public ValidationResult validate(ConnectionContext c) throws AtsException {
        if (c.credentials().onBehalfOf() == null || c.credentials().onBehalfOf().isBlank()) {
            throw AtsException.refused("onBehalfOf (the Greenhouse user email) is required");
        }
        if (c.credentials().apiKey() == null || c.credentials().apiKey().isBlank()) {
            throw AtsException.refused("apiKey (a Greenhouse Candidate Ingestion API key) is required");
        }
        PartnerUser user;
        try {
            user = client.currentUser(c);
        } catch (AtsException e) {
            if (e.httpStatus() == 401) {
                throw new AtsException(AtsException.Kind.AUTH, 401, REFUSED_KEY);
            }
            throw e;
        }
        String token = c.credentials().jobBoardToken();
        if (token != null && !token.isBlank()) {
            try {
                client.boardJobs(c, token, false);
            } catch (AtsException e) {
                if (e.httpStatus() == 404) {
                    throw new AtsException(AtsException.Kind.REFUSED, 404, "unknown job board token");
                }
                throw e;
            }
        }
        Map<String, String> state = new HashMap<>();
        if (user.id() != null) {
            state.put("userId", user.id());
        }
        return new ValidationResult(user.label(), state, List.of());
    }

    @Override
    public JobPage fetchJobs(ConnectionContext c, String cursor) throws AtsException {
        for (JobSource source : jobSources) {
            if (source.supports(c)) {
                return source.fetchJobs(c, cursor);
            }
        }
        throw new AtsException(AtsException.Kind.AUTH, 0, "no Greenhouse job source can read this connection's jobs with its credentials");
    }

    /** The partner API lists open jobs only: a job that vanished is closed until {@code job_deleted} says deleted. */
    @Override
    public JobState vanishedJobState() {
        return JobState.CLOSED;
    }

    @Override
    public WebhookCheck verifyWebhook(ConnectionContext c, WebhookRequest request) {
        String problem = SignatureVerifier.check(request.header(SignatureVerifier.HEADER), request.body(),
                c.credentials().webhookSecrets());
        if (problem != null) {
            return WebhookCheck.invalid(problem);
        }
        // Greenhouse-Event-ID names one event across its retries. Two genuine events can carry identical bodies (a stage
        // flipped back within the same second), so the body cannot be the key; the id is not signed, but a replayed
        // body under a new id is older than what was applied and the core skips it as stale.
        String eventId = request.header(EVENT_ID_HEADER);
        String dedupe = eventId == null || eventId.isBlank() ? "sha256:" + SignatureVerifier.sha256Hex(request.body()) : eventId.trim();
        String action = WebhookParser.action(request.body());
        return WebhookCheck.valid(dedupe, action == null ? "unknown" : action);
    }

    /**
     * Status signals straight from the payload. Job payloads lack the description, URL (job events) or department
     * (post events), and an UPSERT replaces the stored job whole: so an UPSERT is completed with the job as the import
     * reads it (one job list and board read per webhook), which keeps webhook and import content identical. A job the
     * On-Behalf-Of user cannot list is left to the import.
     */
    @Override
    public List<AtsSignal> parseWebhook(ConnectionContext c, WebhookRequest request) throws AtsException {
        List<AtsSignal> parsed = WebhookParser.parse(request.body());
        if (parsed.stream().noneMatch(s -> s instanceof AtsSignal.JobChange jc && jc.kind() == AtsSignal.JobChange.Kind.UPSERT)) {
            return parsed;
        }
        Map<String, Job> current = new HashMap<>();
        for (Job j : fetchJobs(c, null).jobs()) {
            current.put(j.atsJobId(), j);
        }
        List<AtsSignal> out = new ArrayList<>(parsed.size());
        for (AtsSignal s : parsed) {
            if (s instanceof AtsSignal.JobChange jc && jc.kind() == AtsSignal.JobChange.Kind.UPSERT) {
                Job full = current.get(jc.atsJobId());
                if (full != null) {
                    out.add(new AtsSignal.JobChange(jc.atsJobId(), jc.kind(), full));
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Greenhouse cannot be asked what a lost create made: wait this long for the webhook that says so. */
    @Override
    public Duration reconcileWindow() {
        return props.getReconcileWindow();
    }

    /**
     * {@code GET /v1/partner/candidates?candidate_ids=} in chunks. Ids Greenhouse does not return (merged, deleted,
     * permissions, source changed) are unknown, never deletions; non-numeric ids cannot be Greenhouse ids and are skipped.
     */
    @Override
    public List<AtsSignal> pollStatuses(ConnectionContext c, Collection<String> atsCandidateIds) throws AtsException {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : atsCandidateIds == null ? List.<String>of() : atsCandidateIds) {
            if (id != null && id.trim().matches("\\d{1,19}")) {
                ids.add(id.trim());
            }
        }
        List<String> all = new ArrayList<>(ids);
        int chunk = Math.max(1, props.getPollChunkSize());
        List<AtsSignal> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += chunk) {
            List<PartnerCandidateStatus> statuses = client.candidateStatuses(c, all.subList(i, Math.min(all.size(), i + chunk)));
            out.addAll(StatusMapper.fromPoll(statuses));
        }
        return out;
    }
}
