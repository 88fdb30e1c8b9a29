package io.atsbridge.core.job;

import java.time.Instant;

/** One job import (DESIGN.md, sync run): its progress and outcome. */
public record SyncRun(String id, String connectionId, String companyId, String trigger, String status, int pages, int seen,
                      int created, int updated, int unchanged, int closed, int deleted, String error, Instant createdAt,
                      Instant startedAt, Instant finishedAt) {
    public boolean running() {
        return "queued".equals(status) || "running".equals(status);
    }
}
