package io.atsbridge.provider.greenhouse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atsbridge.providers.greenhouse.*}. A connection's {@code baseUrl} replaces both roots (DESIGN.md, baseUrl
 * rule), which is how the sandbox and tests are reached.
 */
@ConfigurationProperties("atsbridge.providers.greenhouse")
public class GreenhouseProperties {
    /** Candidate Ingestion API root; calls go to {@code <root>/v1/partner/...}. */
    private String apiRoot = "https://api.greenhouse.io";
    /** Job Board API root; calls go to {@code <root>/v1/boards/{token}/jobs}. */
    private String jobBoardRoot = "https://boards-api.greenhouse.io";
    /** Ingestion rate limit is undocumented: a conservative 5 calls per second… */
    private int permitsPerSecond = 5;
    /** …with bursts up to 10. */
    private int burst = 10;
    /** Candidate ids per {@code GET /v1/partner/candidates?candidate_ids=} call of the status poll. */
    private int pollChunkSize = 50;
    /**
     * After a create that may have reached Greenhouse unanswered, how long the engine waits for the
     * new_prospect_application / new_candidate_application webhook with our external_id before sending again.
     */
    private Duration reconcileWindow = Duration.ofMinutes(2);
    private String docsUrl = "https://developers.greenhouse.io/candidate-ingestion.html";

    public String getApiRoot() { return apiRoot; }
    public void setApiRoot(String apiRoot) { this.apiRoot = apiRoot; }
    public String getJobBoardRoot() { return jobBoardRoot; }
    public void setJobBoardRoot(String jobBoardRoot) { this.jobBoardRoot = jobBoardRoot; }
    public int getPermitsPerSecond() { return permitsPerSecond; }
    public void setPermitsPerSecond(int permitsPerSecond) { this.permitsPerSecond = permitsPerSecond; }
    public int getBurst() { return burst; }
    public void setBurst(int burst) { this.burst = burst; }
    public int getPollChunkSize() { return pollChunkSize; }
    public void setPollChunkSize(int pollChunkSize) { this.pollChunkSize = pollChunkSize; }
    public Duration getReconcileWindow() { return reconcileWindow; }
    public void setReconcileWindow(Duration reconcileWindow) { this.reconcileWindow = reconcileWindow; }
    public String getDocsUrl() { return docsUrl; }
    public void setDocsUrl(String docsUrl) { this.docsUrl = docsUrl; }
}
