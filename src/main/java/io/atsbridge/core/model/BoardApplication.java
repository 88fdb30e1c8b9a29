package io.atsbridge.core.model;

import java.time.Instant;

/** An application on a board job; {@code atsJobId} is filled from the job link before the provider sees it. */
public record BoardApplication(String boardApplicationId, String boardJobId, String atsJobId, Candidate candidate, Instant appliedAt) { }
