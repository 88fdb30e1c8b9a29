package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;

/**
 * Where a connection's Greenhouse jobs come from. Harvest v1/v2 are retired (August 2026); today's source is the
 * partner API plus the Job Board API ({@link PartnerJobSource}). A Harvest v3 source (OAuth authorization code,
 * cursor pagination, every job state) can be added as another bean that {@link #supports} the connections holding a
 * v3 grant; the provider uses the first source, in {@code @Order}, that supports the connection.
 */
public interface JobSource {

    /** Whether this source can read the connection's jobs with the credentials it holds. */
    boolean supports(ConnectionContext connection);

    /** One page of canonical jobs; {@code cursor} is null for the first page, the page's next cursor null on the last. */
    JobPage fetchJobs(ConnectionContext connection, String cursor) throws AtsException;
}
