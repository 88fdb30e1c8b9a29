package io.atsbridge.core.provider;

import io.atsbridge.core.model.Job;
import java.util.List;

/** One page of jobs; {@code nextCursor} is null on the last page. */
public record JobPage(List<Job> jobs, String nextCursor) {
    public JobPage {
        jobs = List.copyOf(jobs);
    }

    public boolean last() {
        return nextCursor == null;
    }
}
