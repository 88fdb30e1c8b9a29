package io.atsbridge.core.provider;

import io.atsbridge.core.model.JobState;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The seam every ATS implements. Everything else about a provider (HTTP, auth, payload shapes, pagination, stage
 * vocabulary) stays in its own package; the core and the board API see only this interface, the canonical model and
 * the outbound flow routes named in {@link ProviderFlows}.
 *
 * <p>Implementations are Spring beans; {@link ProviderRegistry} finds them. Methods that call the ATS throw
 * {@link AtsException} classified so the engine knows whether to retry.
 */
public interface AtsProvider {

    /** Lower-case id used in URLs, rows and route ids: {@code lever}, {@code greenhouse}. */
    String id();

    /** What {@code GET /api/v1/providers} shows: credential fields, ATS permissions, setup steps. */
    ProviderDescriptor descriptor();

    /** The ATS's documented request budget; the engine paces every call of a connection to it. */
    RateLimit rateLimit();

    /**
     * Checks the credentials against the ATS before anything is stored, and resolves what later calls need (for
     * Lever the {@code perform_as} user id). Throws {@link AtsException} of kind {@code AUTH}/{@code REFUSED} when the
     * ATS refuses, {@code UNAVAILABLE}/{@code AMBIGUOUS} when it cannot be reached.
     */
    ValidationResult validate(ConnectionContext connection) throws AtsException;

    /**
     * One page of the company's jobs. {@code cursor} is null for the first page; the returned page's
     * {@code nextCursor} is null on the last one. Pages are streamed: the engine never holds more than one.
     */
    JobPage fetchJobs(ConnectionContext connection, String cursor) throws AtsException;

    /**
     * What a job that is missing from a complete import has become: {@code DELETED} when the ATS lists every state
     * (Lever), {@code CLOSED} when it lists open jobs only (Greenhouse's partner API).
     */
    JobState vanishedJobState();

    /** Verifies a webhook on its raw bytes and names its dedupe key. Never throws for a bad signature. */
    WebhookCheck verifyWebhook(ConnectionContext connection, WebhookRequest request);

    /**
     * Turns a verified webhook into canonical signals (status and job changes). A ping or an event about objects we do
     * not know gives an empty list, not an error.
     */
    List<AtsSignal> parseWebhook(ConnectionContext connection, WebhookRequest request) throws AtsException;

    /**
     * The status fallback for customers without webhooks: the current state of candidacies we created, as signals
     * (the core drops those that change nothing). Providers whose webhooks are reliable may keep the default.
     */
    default List<AtsSignal> pollStatuses(ConnectionContext connection, Collection<String> atsCandidateIds) throws AtsException {
        return List.of();
    }

    /**
     * How long to wait, after an ambiguous create (sent, no answer), for the ATS to tell us by webhook what it
     * created before trying again. Zero for providers whose flows can look the object up themselves (Lever by email).
     */
    default Duration reconcileWindow() {
        return Duration.ZERO;
    }
}
