package io.atsbridge.core.delivery;

import java.time.Instant;
import java.util.Map;

/** A unit of outbound work (DESIGN.md, Delivery). Final states: delivered, failed, dead. */
public record Delivery(String id, String companyId, String connectionId, String provider, String kind, String idempotencyKey,
                       String payloadHash, String payload, String status, int attempts, Instant nextAttemptAt,
                       String lastError, Map<String, String> atsRefs, Map<String, String> progress,
                       String boardCandidateId, String boardApplicationId, Instant createdAt, Instant updatedAt) {

    public static final String CANDIDATE_EXPORT = "candidate.export";
    public static final String APPLICATION_SUBMIT = "application.submit";
    public static final String SCREENING_ATTACH = "screening.attach";
    public static final String BOARD_CALLBACK = "board.callback";

    public boolean isFinal() {
        return "delivered".equals(status) || "failed".equals(status) || "dead".equals(status);
    }
}
