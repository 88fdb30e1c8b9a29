package io.atsbridge.provider.greenhouse.api;

/**
 * A Greenhouse job as the import sees it: the partner job (id, name, status) and, when a job board token is set and
 * the job has a live post on that board, the post with the public content (matched on {@code internal_job_id}).
 * This is the {@code greenhouse:job} data type.
 */
public record JobWithPost(PartnerJob job, BoardJobs.Post post) { }
