package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.provider.ProviderDescriptor;
import io.atsbridge.core.provider.ProviderDescriptor.CredentialField;
import java.util.List;

/** What {@code GET /api/v1/providers} shows for Greenhouse (docs/providers/greenhouse.md says the same at length). */
final class GreenhouseDescriptor {
    /** The webhook actions we translate; Greenhouse takes one event per webhook. */
    static final List<String> WEBHOOK_EVENTS = List.of(
            "new_candidate_application", "new_prospect_application", "candidate_stage_change", "application_updated",
            "reject_candidate", "unreject_candidate", "hire_candidate", "unhire_candidate", "delete_candidate",
            "job_created", "job_updated", "job_deleted", "job_post_created", "job_post_updated", "job_post_deleted");

    private GreenhouseDescriptor() { }

    static ProviderDescriptor build(String id, String docsUrl, int permitsPerSecond, int burst) {
        return new ProviderDescriptor(id, "Greenhouse", List.of("api_key"),
                List.of(
                        new CredentialField("apiKey", "Candidate Ingestion API key", true, true,
                                "Configure › Dev Center › API Credential Management › Create New API Key, type "
                                        + "\"Candidate Ingestion\", partner: this job board. Copy the key when it is shown."),
                        new CredentialField("onBehalfOf", "On-Behalf-Of user email", true, false,
                                "Email of the Greenhouse user we act as (sent as On-Behalf-Of on every call); "
                                        + "best a dedicated integration user."),
                        new CredentialField("jobBoardToken", "Job board token", false, false,
                                "Optional: the token in your job board URL (e.g. acme in boards.greenhouse.io/acme). "
                                        + "Without it imported jobs have titles only: no description, location or link.")),
                List.of(
                        "A Greenhouse user with Site Admin / Dev Center access creates a Candidate Ingestion API key for the partner.",
                        "The On-Behalf-Of user needs Job Admin on the jobs candidates are sent to and the "
                                + "\"manage unattached prospects\" permission; a Basic user can create candidates but cannot read their status.",
                        "A Greenhouse admin who can manage web hooks (Dev Center) adds the webhooks.",
                        "Greenhouse does not document a rate limit for the Candidate Ingestion API; we send at most "
                                + permitsPerSecond + " calls per second (bursts of " + burst + ")."),
                List.of(
                        "In Greenhouse: Configure › Dev Center › API Credential Management › Create New API Key; API type "
                                + "Candidate Ingestion; partner: this job board. Copy the key.",
                        "Connect here with the key (apiKey), the email of the Greenhouse user to act as (onBehalfOf) and, "
                                + "optionally, your job board token (jobBoardToken). We check them with Greenhouse at once.",
                        "Copy the webhook URL and the secret key shown after connecting: the secret is shown only once.",
                        "In Greenhouse: Configure › Dev Center › Web Hooks. Greenhouse takes one event per webhook, so create one "
                                + "webhook for each event listed under webhookEvents: Name (e.g. \"Job board – <event>\"), "
                                + "When = the event, Endpoint URL = our webhook URL, Secret key = the secret we showed, "
                                + "Error recipient = someone who will act on failures. Leave Advanced settings empty.",
                        "Greenhouse pings the URL when a webhook is saved; we answer 200. If the ping fails the webhook is saved "
                                + "disabled and stays silent until someone re-enables it.",
                        "Without webhooks we still import jobs on a schedule and poll the status of candidates we sent, but "
                                + "closed and deleted jobs, stage changes and lost-response reconciliation arrive late or not at all."),
                WEBHOOK_EVENTS,
                docsUrl);
    }
}
