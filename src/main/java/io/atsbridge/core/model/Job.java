package io.atsbridge.core.model;

import java.time.Instant;

/** An ATS job in the canonical shape (DESIGN.md, Job). Times are UTC instants. */
public record Job(String atsJobId, String title, String descriptionHtml, String department, String location,
                  JobState state, Instant createdAt, Instant updatedAt, String url) { }
