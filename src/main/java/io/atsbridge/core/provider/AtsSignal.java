package io.atsbridge.core.provider;

import io.atsbridge.core.model.Job;
import java.time.Instant;

/** A canonical change read from a webhook (or a status poll). The core turns signals into rows and events. */
public sealed interface AtsSignal permits AtsSignal.Status, AtsSignal.JobChange {

    /**
     * Something happened to a candidacy. The core maps it to a board status: {@code STAGE} and {@code CREATED} through
     * the stage-name map, {@code UNREJECTED}/{@code UNARCHIVED} back to the status of the current stage.
     *
     * @param boardCandidateId our id when the ATS echoes it (Greenhouse {@code external_id}), else null
     * @param stageName the ATS stage's display name when known (used by the status map)
     */
    record Status(String atsCandidateId, String atsApplicationId, String boardCandidateId, String atsJobId,
                  Kind kind, String stageId, String stageName, Instant occurredAt) implements AtsSignal {
        public enum Kind { CREATED, STAGE, HIRED, REJECTED, UNREJECTED, WITHDRAWN }
    }

    /**
     * A job changed in the ATS. {@code job} is the full canonical job when the payload had it, else null (then
     * only the state change applies to the stored job).
     */
    record JobChange(String atsJobId, Kind kind, Job job) implements AtsSignal {
        public enum Kind { UPSERT, CLOSED, DELETED }
    }
}
