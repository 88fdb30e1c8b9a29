package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.provider.greenhouse.api.BoardJobs;
import io.atsbridge.provider.greenhouse.api.PartnerJob;
import io.atsbridge.provider.greenhouse.mapping.JobMapper;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Jobs from Candidate Ingestion {@code GET /v1/partner/jobs} (open jobs the On-Behalf-Of user sees; not paginated,
 * so one page) enriched with the Job Board API {@code ?content=true} when the connection has a job board token.
 * Lists open jobs only: a job that vanishes is closed, not deleted (DESIGN.md).
 */
@Component
@Order(100)
public class PartnerJobSource implements JobSource {
    private final GreenhouseClient client;

    public PartnerJobSource(GreenhouseClient client) {
        this.client = client;
    }

    @Override
    public boolean supports(ConnectionContext connection) {
        return connection.credentials().apiKey() != null && !connection.credentials().apiKey().isBlank();
    }

    @Override
    public JobPage fetchJobs(ConnectionContext c, String cursor) throws AtsException {
        List<PartnerJob> jobs = client.partnerJobs(c);
        String token = c.credentials().jobBoardToken();
        // a failing board read fails the run: importing without content would blank every description
        List<BoardJobs.Post> posts = token == null || token.isBlank() ? List.of() : boardPosts(c, token);
        List<Job> mapped = JobMapper.merge(jobs, posts).stream().map(JobMapper::toJob).toList();
        return new JobPage(mapped, null);
    }

    private List<BoardJobs.Post> boardPosts(ConnectionContext c, String token) throws AtsException {
        try {
            return client.boardJobs(c, token, true).jobs();
        } catch (AtsException e) {
            if (e.httpStatus() == 404) {
                throw new AtsException(AtsException.Kind.REFUSED, 404, "Greenhouse does not know the job board token of this connection");
            }
            throw e;
        }
    }
}
