package io.atsbridge.provider.greenhouse.mapping;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.provider.greenhouse.api.BoardJobs;
import io.atsbridge.provider.greenhouse.api.JobWithPost;
import io.atsbridge.provider.greenhouse.api.Named;
import io.atsbridge.provider.greenhouse.api.PartnerJob;
import io.atsbridge.provider.greenhouse.api.WebhookJob;
import io.atsbridge.provider.greenhouse.api.WebhookJobPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Greenhouse jobs → canonical {@link Job} (DESIGN.md, default translations). The partner API gives id, name and
 * status; the Job Board API adds the public title, description (entity-encoded: decoded once), location,
 * departments, offices and {@code absolute_url}. Webhook jobs carry no description and no URL: those fields stay null.
 */
public final class JobMapper {
    private JobMapper() { }

    /** Pairs every partner job with its live board post, matched on {@code internal_job_id}; prospect posts are skipped. */
    public static List<JobWithPost> merge(List<PartnerJob> jobs, List<BoardJobs.Post> posts) {
        Map<String, BoardJobs.Post> byJob = new HashMap<>();
        for (BoardJobs.Post p : posts) {
            if (p == null || p.internalJobId() == null) {
                continue;
            }
            // one job may have several live posts: keep the most recently updated one, deterministically
            byJob.merge(p.internalJobId(), p, (a, b) -> newer(a, b));
        }
        List<JobWithPost> out = new ArrayList<>(jobs.size());
        for (PartnerJob j : jobs) {
            if (j != null && j.id() != null) {
                out.add(new JobWithPost(j, byJob.get(j.id())));
            }
        }
        return out;
    }

    public static Job toJob(JobWithPost jp) {
        PartnerJob j = jp.job();
        BoardJobs.Post p = jp.post();
        JobState state = state(j.status(), JobState.OPEN);
        if (p == null) {
            return new Job(j.id(), j.name(), "", null, null, state, null, null, null);
        }
        String location = p.location() != null ? p.location().name() : firstName(p.offices());
        return new Job(j.id(), nonBlank(p.title(), j.name()), HtmlEntities.unescape(nullToEmpty(p.content())),
                firstName(p.departments()), location, state,
                Times.firstOf(p.firstPublished(), p.updatedAt()), Times.parse(p.updatedAt()), p.absoluteUrl());
    }

    /** {@code job_created}/{@code job_updated}: the job's own fields; description and URL are not in the payload. */
    public static Job fromWebhook(WebhookJob j) {
        String location = null;
        if (!j.offices().isEmpty() && j.offices().get(0) != null) {
            BoardJobs.Unit office = j.offices().get(0);
            location = office.location() != null ? office.location().name() : office.name();
        }
        return new Job(j.id(), j.name(), null, firstName(j.departments()), location, state(j.status(), JobState.OPEN),
                Times.firstOf(j.createdAt(), j.openedAt()), Times.parse(j.updatedAt()), null);
    }

    /** A live post ({@code job_post_created}/{@code _updated}): public title, raw HTML content, location string. */
    public static Job fromWebhookPost(WebhookJobPost p) {
        Named loc = p.location();
        return new Job(p.jobId(), p.title(), p.content(), null, loc == null ? null : loc.name(),
                JobState.OPEN, null, Times.parse(p.updatedAt()), null);
    }

    /** Greenhouse {@code open}/{@code closed}/{@code draft} as they are (DESIGN.md). */
    public static JobState state(String status, JobState fallback) {
        if (status == null) {
            return fallback;
        }
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> JobState.OPEN;
            case "closed" -> JobState.CLOSED;
            case "draft" -> JobState.DRAFT;
            default -> fallback;
        };
    }

    private static BoardJobs.Post newer(BoardJobs.Post a, BoardJobs.Post b) {
        Comparator<BoardJobs.Post> byUpdate = Comparator.comparing((BoardJobs.Post p) -> {
            Instant t = Times.parse(p.updatedAt());
            return t == null ? Instant.MIN : t;
        }).thenComparing(p -> p.id() == null ? "" : p.id());
        return byUpdate.compare(a, b) >= 0 ? a : b;
    }

    private static String firstName(List<BoardJobs.Unit> units) {
        for (BoardJobs.Unit u : units) {
            if (u != null && u.name() != null && !u.name().isBlank()) {
                return u.name();
            }
        }
        return null;
    }

    private static String nonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
