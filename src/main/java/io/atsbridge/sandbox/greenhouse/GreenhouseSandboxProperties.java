package io.atsbridge.sandbox.greenhouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atsbridge.sandbox.greenhouse.*}. Defaults compress Greenhouse's webhook retry schedule
 * (1m/15m/60m/120m/240m/480m) to seconds so a demo or a test sees every attempt.
 */
@ConfigurationProperties("atsbridge.sandbox.greenhouse")
public class GreenhouseSandboxProperties {
    /** Retry delays after a failed delivery; 7 attempts in all, like Greenhouse. */
    private List<Duration> webhookRetryDelays = new ArrayList<>(List.of(
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16)));
    private Duration webhookTimeout = Duration.ofSeconds(10);
    private int maxAccounts = 200;
    private int maxCandidatesPerAccount = 20_000;
    private int maxJobsPerAccount = 10_000;
    private int deliveryLogSize = 500;
    /** Upper bound of one control-API slow-response fault, so a typo cannot park a servlet thread for hours. */
    private Duration maxSlow = Duration.ofSeconds(60);
    /** Harvest requests per 10-second window per account (the docs' example shows 50). */
    private int harvestRateLimit = 50;
    /** Bodies announced larger than this get 413 (bounded memory; the simulator reads bodies whole). */
    private long maxBodyBytes = 2_097_152;

    public List<Duration> getWebhookRetryDelays() { return webhookRetryDelays; }
    public void setWebhookRetryDelays(List<Duration> v) { this.webhookRetryDelays = v; }
    public Duration getWebhookTimeout() { return webhookTimeout; }
    public void setWebhookTimeout(Duration v) { this.webhookTimeout = v; }
    public int getMaxAccounts() { return maxAccounts; }
    public void setMaxAccounts(int v) { this.maxAccounts = v; }
    public int getMaxCandidatesPerAccount() { return maxCandidatesPerAccount; }
    public void setMaxCandidatesPerAccount(int v) { this.maxCandidatesPerAccount = v; }
    public int getMaxJobsPerAccount() { return maxJobsPerAccount; }
    public void setMaxJobsPerAccount(int v) { this.maxJobsPerAccount = v; }
    public int getDeliveryLogSize() { return deliveryLogSize; }
    public void setDeliveryLogSize(int v) { this.deliveryLogSize = v; }
    public long getMaxBodyBytes() { return maxBodyBytes; }
    public void setMaxBodyBytes(long v) { this.maxBodyBytes = v; }
    public int getHarvestRateLimit() { return harvestRateLimit; }
    public void setHarvestRateLimit(int v) { this.harvestRateLimit = v; }
    public Duration getMaxSlow() { return maxSlow; }
    public void setMaxSlow(Duration v) { this.maxSlow = v; }
}
