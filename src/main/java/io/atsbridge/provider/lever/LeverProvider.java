package io.atsbridge.provider.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderDescriptor;
import io.atsbridge.core.provider.ProviderDescriptor.CredentialField;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.core.provider.ValidationResult;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.provider.lever.api.LeverApi;
import io.atsbridge.provider.lever.api.LeverPosting;
import io.atsbridge.provider.lever.api.LeverWebhookEvent;
import io.atsbridge.provider.lever.mapping.PostingMapper;
import io.atsbridge.provider.lever.mapping.WebhookMapper;
import io.atsbridge.provider.lever.transform.LeverWebhookTransformer;
import io.atsbridge.provider.lever.webhook.LeverSignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lever behind the provider seam (providers/lever.md). Data API v1 at {@code https://api.lever.co/v1} (or the
 * connection's baseUrl + {@code /v1}); outbound flows are the YAML routes {@code direct:lever-*}.
 */
@Component("lever")
public class LeverProvider implements AtsProvider {
    private static final Logger log = LoggerFactory.getLogger(LeverProvider.class);
    /** Every origin, so API-registered webhooks do not silently skip sourced or referred candidates. */
    private static final List<String> ORIGINS = List.of("applied", "sourced", "referred", "university", "agency", "internal");
    private final LeverApi api;
    private final LeverUsers users;
    private final LeverReferenceData reference;
    private final ObjectMapper json;

    public LeverProvider(LeverApi api, LeverUsers users, LeverReferenceData reference, ObjectMapper json) {
        this.api = api;
        this.users = users;
        this.reference = reference;
        this.json = json;
    }

    @Override
    public String id() {
        return "lever";
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor("lever", "Lever", List.of("api_key", "oauth"),
                List.of(new CredentialField("apiKey", "API key", true, true,
                                "Settings → Integrations and API → API Credentials (Super Admin). Not needed with OAuth: "
                                        + "use GET /api/v1/oauth/lever/authorize instead."),
                        new CredentialField("onBehalfOf", "Act as (Lever user email)", false, false,
                                "the Lever user candidates are created as (perform_as); empty = the OAuth user or the first active Super Admin"),
                        new CredentialField("webhookSecrets", "Webhook signature tokens", false, true,
                                "the Signature Token of each Lever webhook you enabled by hand; not needed when the key may manage webhooks")),
                List.of("A Lever Super Admin creates the API key under Settings → Integrations and API → API Credentials",
                        "Key endpoint permissions: Postings (read), Opportunities (read, write), Files (write), Tags (write), "
                                + "Stages (read), Archive reasons (read), Users (read), Webhooks (read, write, optional)",
                        "OAuth scopes: offline_access postings:read:admin opportunities:write:admin files:write:admin "
                                + "stages:read:admin archive_reasons:read:admin users:read:admin webhooks:write:admin",
                        "Confidential postings are not imported unless the key was created with confidential access"),
                List.of("Connect with the API key (PUT /api/v1/companies/{companyId}/connection, provider \"lever\") or by OAuth "
                                + "(GET /api/v1/oauth/lever/authorize?companyId=&connectedBy=&returnTo=)",
                        "If the key may manage webhooks, atsbridge registers them itself; otherwise, in Lever, Settings → "
                                + "Integrations and API → Webhooks: enable each event below with the connection's webhook URL "
                                + "and paste each Signature Token into webhookSecrets",
                        "A Super Admin toggles the webhook groups on in Lever's webhook settings"),
                WebhookMapper.EVENTS,
                "https://hire.lever.co/developer/documentation");
    }

    @Override
    public RateLimit rateLimit() {
        return LeverApi.RATE_LIMIT;
    }

    @Override
    public ValidationResult validate(ConnectionContext ctx) throws AtsException {
        LeverUsers.User user = users.resolve(ctx);
        List<String> tokens = ctx.webhookUrl() == null ? List.of() : registerWebhooks(ctx);
        return new ValidationResult(user.label(), Map.of(LeverUsers.PERFORM_AS, user.id()), tokens);
    }

    /**
     * Registers our webhook URL for each event we handle and returns the signature tokens Lever issued. Our own
     * earlier registrations are deleted first (Lever does not list their tokens again). 403: the key may not manage
     * webhooks, so the admin pastes the tokens instead.
     */
    List<String> registerWebhooks(ConnectionContext ctx) throws AtsException {
        List<String> tokens = new ArrayList<>();
        try {
            JsonNode existing = api.get(ctx, "/webhooks");
            for (JsonNode w : existing.path("data")) {
                if (ctx.webhookUrl().equals(w.path("url").asText()) && w.hasNonNull("id")) {
                    api.delete(ctx, "/webhooks/" + LeverApi.enc(w.path("id").asText()));
                }
            }
            for (String event : WebhookMapper.EVENTS) {
                Map<String, Object> body = event.equals("candidateDeleted")
                        ? Map.of("url", ctx.webhookUrl(), "event", event)
                        : Map.of("url", ctx.webhookUrl(), "event", event, "configuration", Map.of("conditions", Map.of("origins", ORIGINS)));
                JsonNode created = api.postJson(ctx, "/webhooks", body);
                String token = LeverApi.data(created).path("configuration").path("signatureToken").asText(null);
                if (token != null && !token.isBlank()) {
                    tokens.add(token);
                } else {
                    log.warn("Lever registered the {} webhook of connection {} without a signature token: the admin must paste it",
                            event, ctx.connectionId());
                }
            }
        } catch (AtsException e) {
            if (e.kind() == AtsException.Kind.AUTH && e.httpStatus() == 403) {
                log.info("the Lever key of connection {} may not manage webhooks: the admin registers them and pastes the tokens",
                        ctx.connectionId());
                return tokens;
            }
            throw e;
        }
        return tokens;
    }

    /** One page of {@code GET /postings}, both distribution channels (else published internal-only postings vanish). */
    @Override
    public JobPage fetchJobs(ConnectionContext ctx, String cursor) throws AtsException {
        // confidentiality stays at Lever's default (non-confidential): confidential postings need a key granted that access
        String path = "/postings" + LeverApi.query("limit", "100", "distributionChannel", "public")
                + "&distributionChannel=internal" + (cursor == null ? "" : "&offset=" + LeverApi.enc(cursor));
        JsonNode page = api.get(ctx, path);
        List<Job> jobs = new ArrayList<>();
        for (JsonNode n : page.path("data")) {
            try {
                jobs.add(PostingMapper.toJob(json.treeToValue(n, LeverPosting.class)));
            } catch (IOException | IllegalArgumentException e) {
                throw new AtsException(AtsException.Kind.UNAVAILABLE, 200, "Lever sent a posting we cannot read ("
                        + n.path("id").asText("?") + "): " + e.getClass().getSimpleName(), null, e);
            }
        }
        String next = page.path("hasNext").asBoolean(false) ? page.path("next").asText(null) : null;
        return new JobPage(jobs, next == null || next.isBlank() ? null : next);
    }

    @Override
    public JobState vanishedJobState() {
        return JobState.DELETED;
    }

    @Override
    public WebhookCheck verifyWebhook(ConnectionContext ctx, WebhookRequest request) {
        LeverWebhookEvent e;
        try {
            e = json.readValue(request.body(), LeverWebhookEvent.class);
        } catch (IOException | RuntimeException ex) {
            return WebhookCheck.invalid("the body is not a Lever webhook (not JSON)");
        }
        if (e == null || e.signature() == null || e.token() == null || e.triggeredAtText() == null) {
            return WebhookCheck.invalid("the Lever webhook has no signature, token or triggeredAt (is a signing token generated in Lever?)");
        }
        if (!LeverSignature.verify(ctx.credentials().webhookSecrets(), e.token(), e.triggeredAtText(), e.signature())) {
            return WebhookCheck.invalid("the signature matches none of the connection's Lever signature tokens");
        }
        // only token and triggeredAt are signed: dedupe on the token (random per delivery), never on the unsigned id
        return WebhookCheck.valid("token:" + e.token(), e.event());
    }

    /**
     * The fallback for accounts without webhooks: each candidacy's current stage or archive state. A candidacy Lever
     * no longer knows (404) is skipped: deletion arrives as {@code candidateDeleted} when webhooks work.
     */
    @Override
    public List<AtsSignal> pollStatuses(ConnectionContext ctx, Collection<String> atsCandidateIds) throws AtsException {
        List<AtsSignal> out = new ArrayList<>();
        for (String id : atsCandidateIds) {
            JsonNode o;
            try {
                o = LeverApi.data(api.get(ctx, "/opportunities/" + LeverApi.enc(id)));
            } catch (AtsException e) {
                if (e.httpStatus() == 404) {
                    continue;
                }
                throw e;
            }
            JsonNode archived = o.get("archived");
            if (archived != null && archived.isObject() && archived.hasNonNull("reason")) {
                String type = reference.archiveReasonType(ctx, archived.path("reason").asText());
                out.add(new AtsSignal.Status(id, id, null, null, "hired".equals(type) ? AtsSignal.Status.Kind.HIRED
                        : AtsSignal.Status.Kind.REJECTED, null, null, null));
                continue;
            }
            String stage = o.path("stage").isObject() ? o.path("stage").path("id").asText(null) : o.path("stage").asText(null);
            if (stage != null) {
                out.add(new AtsSignal.Status(id, id, null, null, AtsSignal.Status.Kind.STAGE, stage, reference.stageName(ctx, stage), null));
            }
        }
        return out;
    }

    @Override
    public List<AtsSignal> parseWebhook(ConnectionContext ctx, WebhookRequest request) throws AtsException {
        LeverWebhookEvent e;
        try {
            e = json.readValue(request.body(), LeverWebhookEvent.class);
        } catch (IOException ex) {
            throw AtsException.refused("the Lever webhook body is not JSON");
        }
        return WebhookMapper.toSignals(e, LeverWebhookTransformer.lookups(reference, ctx));
    }
}
