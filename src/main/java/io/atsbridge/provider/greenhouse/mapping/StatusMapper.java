package io.atsbridge.provider.greenhouse.mapping;

import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateStatus;
import io.atsbridge.provider.greenhouse.api.WebhookApplication;
import io.atsbridge.provider.greenhouse.api.WebhookPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Greenhouse application events and partner status reads → {@link AtsSignal.Status} (fact sheet §4.7). Signals carry
 * the application id, the candidate id and our {@code external_id}, so the core matches by application id first and
 * falls back to {@code external_id} + job.
 */
public final class StatusMapper {
    private StatusMapper() { }

    /** The signals of one application event; an event that says nothing about status gives an empty list. */
    public static List<AtsSignal> fromApplicationEvent(String action, WebhookApplication a) {
        if (a == null || a.id() == null) {
            return List.of();
        }
        String stageId = a.currentStage() == null ? null : a.currentStage().id();
        String stageName = a.currentStage() == null ? null : a.currentStage().name();
        String status = a.status() == null ? "" : a.status().trim().toLowerCase(Locale.ROOT);
        return switch (action) {
            case "new_candidate_application", "new_prospect_application" -> {
                if (stageName == null && a.prospectDetail() != null && a.prospectDetail().prospectStage() != null) {
                    stageId = a.prospectDetail().prospectStage().id();
                    stageName = a.prospectDetail().prospectStage().name();
                }
                yield List.of(signal(a, Kind.CREATED, stageId, stageName, Times.firstOf(a.appliedAt(), a.lastActivityAt())));
            }
            case "candidate_stage_change" -> stageName == null && stageId == null ? List.of()
                    : List.of(signal(a, Kind.STAGE, stageId, stageName, Times.parse(a.lastActivityAt())));
            case "reject_candidate" -> List.of(signal(a, Kind.REJECTED, stageId, stageName,
                    Times.firstOf(a.rejectedAt(), a.lastActivityAt())));
            // back to the status of its stage; unhire too (fact sheet §4.7: unhire → active)
            case "unreject_candidate", "unhire_candidate" -> List.of(signal(a, Kind.UNREJECTED, stageId, stageName,
                    Times.parse(a.lastActivityAt())));
            // the hire payload has no status and no stage: the action itself is the fact
            case "hire_candidate" -> List.of(signal(a, Kind.HIRED, stageId, stageName,
                    a.offer() == null ? null : Times.parse(a.offer().resolvedAt())));
            case "application_updated" -> switch (status) {
                case "rejected" -> List.of(signal(a, Kind.REJECTED, stageId, stageName, Times.firstOf(a.rejectedAt(), a.lastActivityAt())));
                case "hired" -> List.of(signal(a, Kind.HIRED, stageId, stageName, Times.parse(a.lastActivityAt())));
                default -> stageName == null && stageId == null ? List.of()
                        : List.of(signal(a, Kind.STAGE, stageId, stageName, Times.parse(a.lastActivityAt())));
            };
            default -> List.of();
        };
    }

    /** {@code delete_candidate}: every deleted application is withdrawn. */
    public static List<AtsSignal> fromDeletedPerson(WebhookPerson p) {
        if (p == null) {
            return List.of();
        }
        List<AtsSignal> out = new ArrayList<>();
        for (String appId : p.deletedApplicationIds()) {
            if (appId != null) {
                out.add(new AtsSignal.Status(p.id(), appId, null, null, Kind.WITHDRAWN, null, null, null));
            }
        }
        return out;
    }

    /**
     * The status poll: one signal per application. {@code rejected}/{@code hired}/{@code active} in any case; an
     * active application without a stage name says nothing and is skipped. Candidates missing from the answer are
     * unknown (merged, deleted, permissions, source changed), never treated as deleted.
     */
    public static List<AtsSignal> fromPoll(List<PartnerCandidateStatus> candidates) {
        List<AtsSignal> out = new ArrayList<>();
        for (PartnerCandidateStatus c : candidates) {
            if (c == null || c.id() == null) {
                continue;
            }
            for (PartnerCandidateStatus.Application app : c.applications()) {
                if (app == null || app.id() == null || app.status() == null) {
                    continue;
                }
                String stage = app.stage() == null || app.stage().isBlank() ? null : app.stage();
                Kind kind = switch (app.status().trim().toLowerCase(Locale.ROOT)) {
                    case "rejected" -> Kind.REJECTED;
                    case "hired" -> Kind.HIRED;
                    case "active" -> stage == null ? null : Kind.STAGE;
                    default -> null;
                };
                if (kind != null) {
                    out.add(new AtsSignal.Status(c.id(), app.id(), c.externalId(), null, kind, null, stage, null));
                }
            }
        }
        return out;
    }

    private static AtsSignal.Status signal(WebhookApplication a, Kind kind, String stageId, String stageName, java.time.Instant at) {
        return new AtsSignal.Status(a.atsCandidateId(), a.id(), a.externalId(), a.atsJobId(), kind, stageId, stageName, at);
    }
}
