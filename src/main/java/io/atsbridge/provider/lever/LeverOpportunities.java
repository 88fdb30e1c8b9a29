package io.atsbridge.provider.lever;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.Screening;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.lever.api.LeverApi;
import io.atsbridge.provider.lever.api.LeverOpportunity;
import io.atsbridge.provider.lever.api.Multipart;
import io.atsbridge.provider.lever.api.OpportunityRequest;
import io.atsbridge.provider.lever.mapping.OpportunityMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HTTP steps of the Lever flows ({@code routes/*}/lever-*.yaml), one method per step. Each step checks the
 * delivery's progress first and records what Lever confirmed at once, so a retried flow resumes instead of
 * repeating a create (DESIGN.md, exactly-once). Errors are thrown as {@link AtsException} for the delivery engine.
 *
 * <p>Exchange properties: {@link #OPPORTUNITY_ID} (found or created), {@link #DEDUPED} (the person existed),
 * {@link #INPUT} (the canonical object the flow started with).
 */
@Component("leverOpportunities")
public class LeverOpportunities {
    public static final String OPPORTUNITY_ID = "leverOpportunityId";
    public static final String DEDUPED = "leverDeduped";
    public static final String INPUT = "leverInput";
    public static final String DEFAULT_TAG_TEMPLATE = "{board} Screened: {outcome}";
    private static final Logger log = LoggerFactory.getLogger(LeverOpportunities.class);
    private final LeverApi api;
    private final LeverUsers users;
    private final LeverReferenceData reference;
    private final AtsBridgeProperties hub;

    public LeverOpportunities(LeverApi api, LeverUsers users, LeverReferenceData reference, AtsBridgeProperties hub) {
        this.api = api;
        this.users = users;
        this.reference = reference;
        this.hub = hub;
    }

    /**
     * Looks for the candidacy an earlier attempt (or anyone) created: the id recorded in the progress, else
     * {@code GET /opportunities?email=} (on the posting when the request has one). Sets {@link #OPPORTUNITY_ID} when found.
     */
    public void findExisting(Exchange ex) throws AtsException {
        OpportunityRequest req = request(ex);
        DeliveryProgress progress = progress(ex);
        String known = progress.get("opportunityId");
        if (known != null) {
            ex.setProperty(OPPORTUNITY_ID, known);
            ex.setProperty(DEDUPED, Boolean.parseBoolean(progress.get("deduped")));
            return;
        }
        if (req.email() == null) {
            throw AtsException.refused("the candidate has no email: Lever needs one to find or create the person");
        }
        LeverOpportunity found = find(connection(ex), req.email(), req.postingId());
        if (found != null) {
            progress.put("opportunityId", found.id());
            progress.put("deduped", "true");
            if (found.contact() != null) {
                progress.put("contactId", found.contact());
            }
            ex.setProperty(OPPORTUNITY_ID, found.id());
            ex.setProperty(DEDUPED, true);
        }
    }

    LeverOpportunity find(ConnectionContext ctx, String email, String postingId) throws AtsException {
        String q = postingId == null ? LeverApi.query("email", email)
                : LeverApi.query("email", email, "posting_id", postingId, "expand", "applications");
        LeverOpportunity fallback = null;
        String offset = null;
        do {
            JsonNode page = api.get(ctx, "/opportunities" + q + (offset == null ? "" : "&offset=" + LeverApi.enc(offset)));
            for (JsonNode n : page.path("data")) {
                LeverOpportunity o = api.json().convertValue(n, LeverOpportunity.class);
                if (!o.hasEmail(email) && o.emails() != null && !o.emails().isEmpty()) {
                    continue; // a filter the server ignored: never match someone else
                }
                if (postingId != null) {
                    Boolean on = o.onPosting(postingId);
                    if (Boolean.FALSE.equals(on)) {
                        continue;
                    }
                }
                boolean archived = o.archived() != null && !o.archived().isNull();
                if (!archived) {
                    return o;
                }
                if (fallback == null) {
                    fallback = o;
                }
            }
            offset = page.path("hasNext").asBoolean(false) ? page.path("next").asText(null) : null;
        } while (offset != null);
        return fallback;
    }

    /** {@code POST /opportunities?perform_as=} (multipart when a resume travels); records the id at once. */
    public void create(Exchange ex) throws AtsException {
        ConnectionContext ctx = connection(ex);
        OpportunityRequest req = request(ex);
        String path = "/opportunities" + LeverApi.query("perform_as", users.performAs(ctx),
                "parse", req.resume() != null ? "true" : null);
        JsonNode answer = req.resume() != null
                ? api.postMultipart(ctx, path, OpportunityMapper.multipart(req))
                : api.postJson(ctx, path, OpportunityMapper.json(req));
        JsonNode data = LeverApi.data(answer);
        String id = data.path("id").asText(null);
        if (id == null) {
            throw new AtsException(AtsException.Kind.AMBIGUOUS, 0, "Lever accepted the candidate but answered without an opportunity id");
        }
        DeliveryProgress progress = progress(ex);
        progress.put("opportunityId", id);
        boolean deduped = answer.path("deduped").asBoolean(false);
        progress.put("deduped", Boolean.toString(deduped));
        if (data.hasNonNull("contact")) {
            progress.put("contactId", data.path("contact").asText());
        }
        // the create carried the tag and the source
        progress.markDone("tags");
        ex.setProperty(OPPORTUNITY_ID, id);
        ex.setProperty(DEDUPED, deduped);
        log.info("Lever opportunity {} created for connection {} (contact existed: {})", id, ctx.connectionId(), deduped);
    }

    /** For a person who already was in Lever: add the board's tag (and source) so recruiters see where it came from. */
    public void tagExisting(Exchange ex) throws AtsException {
        DeliveryProgress progress = progress(ex);
        if (progress.done("tags")) {
            return;
        }
        OpportunityRequest req = request(ex);
        String id = ex.getProperty(OPPORTUNITY_ID, String.class);
        ConnectionContext ctx = connection(ex);
        if (!req.tags().isEmpty()) {
            api.postJson(ctx, "/opportunities/" + LeverApi.enc(id) + "/addTags", Map.of("tags", req.tags()));
        }
        if (!req.sources().isEmpty()) {
            api.postJson(ctx, "/opportunities/" + LeverApi.enc(id) + "/addSources", Map.of("sources", req.sources()));
        }
        progress.markDone("tags");
    }

    /**
     * {@code POST /opportunities/{id}/files} with the transcript, once: the file name carries the transcript's content
     * hash and an existing file of that name means an earlier attempt (or delivery) uploaded it already.
     */
    public void uploadTranscript(Exchange ex) throws AtsException {
        DeliveryProgress progress = progress(ex);
        if (progress.done("file")) {
            return;
        }
        Screening s = ex.getProperty(INPUT, Screening.class);
        if (s == null || s.transcriptBase64() == null || s.transcriptBase64().isBlank()) {
            progress.put("step.file", "none");
            return;
        }
        byte[] pdf = Base64.getMimeDecoder().decode(s.transcriptBase64());
        String hash = sha256(pdf);
        String fileName = transcriptName(s, hash);
        ConnectionContext ctx = connection(ex);
        String id = ex.getProperty(OPPORTUNITY_ID, String.class);
        JsonNode files = api.get(ctx, "/opportunities/" + LeverApi.enc(id) + "/files");
        for (JsonNode f : files.path("data")) {
            if (fileName.equals(f.path("name").asText())) {
                progress.put("fileId", f.path("id").asText(null));
                progress.markDone("file");
                return;
            }
        }
        Multipart body = new Multipart().file("file", fileName, "application/pdf", pdf);
        JsonNode answer = api.postMultipart(ctx, "/opportunities/" + LeverApi.enc(id) + "/files"
                + LeverApi.query("perform_as", users.performAs(ctx)), body);
        progress.put("fileId", LeverApi.data(answer).path("id").asText(null));
        progress.markDone("file");
    }

    static String transcriptName(Screening s, String hash) {
        String base = s.transcriptFileName() == null || s.transcriptFileName().isBlank() ? "screening-transcript.pdf" : s.transcriptFileName();
        String stem = base.toLowerCase().endsWith(".pdf") ? base.substring(0, base.length() - 4) : base;
        return stem + "-" + hash.substring(0, 12) + ".pdf";
    }

    /** {@code addTags} with the outcome tag from the company's template (idempotent in Lever: tags are a set). */
    public void tagOutcome(Exchange ex) throws AtsException {
        DeliveryProgress progress = progress(ex);
        if (progress.done("outcomeTag")) {
            return;
        }
        Screening s = ex.getProperty(INPUT, Screening.class);
        String tag = outcomeTag(connection(ex).settings(), s, boardName(connection(ex)));
        api.postJson(connection(ex), "/opportunities/" + LeverApi.enc(ex.getProperty(OPPORTUNITY_ID, String.class)) + "/addTags",
                Map.of("tags", List.of(tag)));
        progress.put("outcomeTag", tag);
        progress.markDone("outcomeTag");
    }

    static String outcomeTag(ConnectionSettings settings, Screening s, String board) {
        ConnectionSettings.Screening rules = settings.screening() == null ? null : settings.screening().forJob(s.atsJobId());
        String template = rules == null || rules.tagTemplate() == null || rules.tagTemplate().isBlank() ? DEFAULT_TAG_TEMPLATE : rules.tagTemplate();
        return template.replace("{outcome}", s.outcome().name()).replace("{board}", board == null ? "" : board).trim();
    }

    /** {@code PUT /opportunities/{id}/stage} to the stage configured for this outcome (per company, per posting); none = stay. */
    public void moveStage(Exchange ex) throws AtsException {
        DeliveryProgress progress = progress(ex);
        if (progress.done("stage")) {
            return;
        }
        ConnectionContext ctx = connection(ex);
        Screening s = ex.getProperty(INPUT, Screening.class);
        ConnectionSettings.Screening rules = ctx.settings().screening() == null ? null : ctx.settings().screening().forJob(s.atsJobId());
        String wanted = rules == null || rules.stageByOutcome() == null ? null : rules.stageByOutcome().get(s.outcome().name());
        if (wanted == null || wanted.isBlank()) {
            progress.put("step.stage", "stay");
            return;
        }
        String stageId = reference.stageIdFor(ctx, wanted);
        if (stageId == null) {
            throw AtsException.refused("the stage '" + wanted + "' configured for " + s.outcome() + " does not exist in Lever");
        }
        String id = ex.getProperty(OPPORTUNITY_ID, String.class);
        JsonNode current = LeverApi.data(api.get(ctx, "/opportunities/" + LeverApi.enc(id)));
        LeverOpportunity o = api.json().convertValue(current, LeverOpportunity.class);
        if (!stageId.equals(o.stageId())) {
            api.putJson(ctx, "/opportunities/" + LeverApi.enc(id) + "/stage" + LeverApi.query("perform_as", users.performAs(ctx)),
                    Map.of("stage", stageId));
        }
        progress.put("stageId", stageId);
        progress.markDone("stage");
    }

    /** The flow's answer: Lever's candidacy is the opportunity, so candidate and application ids are the same. */
    public AtsRefs refs(Exchange ex) {
        DeliveryProgress progress = progress(ex);
        String id = ex.getProperty(OPPORTUNITY_ID, String.class);
        Map<String, String> extra = new LinkedHashMap<>();
        for (String k : List.of("contactId", "deduped", "fileId", "outcomeTag", "stageId")) {
            if (progress.get(k) != null) {
                extra.put(k, progress.get(k));
            }
        }
        OpportunityRequest req = ex.getMessage().getBody(OpportunityRequest.class);
        if (req != null && req.postingId() != null) {
            extra.put("postingId", req.postingId());
        }
        return new AtsRefs(id, id, extra);
    }

    public String boardName(ConnectionContext ctx) {
        return ctx.settings().sourceNameOr(hub.getBoard().getName());
    }

    private static OpportunityRequest request(Exchange ex) {
        OpportunityRequest r = ex.getMessage().getBody(OpportunityRequest.class);
        if (r == null) {
            throw new IllegalStateException("the Lever flow expects a lever:opportunity body here");
        }
        return r;
    }

    static ConnectionContext connection(Exchange ex) {
        ConnectionContext c = ex.getProperty(ProviderFlows.CONNECTION, ConnectionContext.class);
        if (c == null) {
            throw new IllegalStateException("exchange property " + ProviderFlows.CONNECTION + " is missing");
        }
        return c;
    }

    static DeliveryProgress progress(Exchange ex) {
        DeliveryProgress p = ex.getProperty(ProviderFlows.PROGRESS, DeliveryProgress.class);
        if (p == null) {
            p = new DeliveryProgress(Map.of());
            ex.setProperty(ProviderFlows.PROGRESS, p);
        }
        return p;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
