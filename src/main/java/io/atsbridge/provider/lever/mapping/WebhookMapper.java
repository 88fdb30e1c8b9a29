package io.atsbridge.provider.lever.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.provider.lever.api.LeverWebhookEvent;
import java.time.Instant;
import java.util.List;

/**
 * Lever webhook → canonical status signals (providers/lever.md §7.3, DESIGN.md status translation). Payloads carry
 * ids only: stage names and archive-reason types come from the {@link Lookups} (cached reference data).
 */
public final class WebhookMapper {
    public static final List<String> EVENTS = List.of("applicationCreated", "candidateStageChange", "candidateArchiveChange",
            "candidateHired", "candidateDeleted");

    private WebhookMapper() { }

    /** Reference data the mapping needs; may call Lever. */
    public interface Lookups {
        /** The stage's display name, or null when Lever does not know the id. */
        String stageName(String stageId) throws AtsException;

        /** {@code hired} or {@code non-hired}, or null when unknown. */
        String archiveReasonType(String reasonId) throws AtsException;
    }

    public static List<AtsSignal> toSignals(LeverWebhookEvent e, Lookups lookups) throws AtsException {
        if (e.isPing() || e.event() == null) {
            return List.of();
        }
        String opp = e.opportunityId();
        if (opp == null) {
            return List.of();
        }
        Instant at = e.triggeredAtMillis() > 0 ? Instant.ofEpochMilli(e.triggeredAtMillis()) : null;
        JsonNode d = e.data();
        return switch (e.event()) {
            case "applicationCreated" -> List.of(status(opp, Kind.CREATED, null, null, at));
            case "candidateStageChange" -> {
                String to = d.path("toStageId").asText(null);
                // an id Lever cannot name is still a stage: the core reports it as unmapped (in_review, warned), not "applied"
                String name = to == null ? null : lookups.stageName(to);
                yield to == null ? List.of() : List.of(status(opp, Kind.STAGE, to, name != null ? name : to, at));
            }
            case "candidateHired" -> List.of(status(opp, Kind.HIRED, null, null, at));
            case "candidateDeleted" -> List.of(status(opp, Kind.WITHDRAWN, null, null, at));
            case "candidateArchiveChange" -> {
                JsonNode to = d.get("toArchived");
                if (to == null || to.isNull()) {
                    yield List.of(status(opp, Kind.UNREJECTED, null, null, at));
                }
                String reason = to.path("reason").asText(null);
                String type = reason == null ? null : lookups.archiveReasonType(reason);
                yield List.of(status(opp, "hired".equals(type) ? Kind.HIRED : Kind.REJECTED, null, null, at));
            }
            default -> List.of();
        };
    }

    private static AtsSignal status(String opp, Kind kind, String stageId, String stageName, Instant at) {
        // Lever's candidacy is the opportunity: candidate and application ids are the same
        return new AtsSignal.Status(opp, opp, null, null, kind, stageId, stageName, at);
    }
}
