package io.atsbridge.sandbox.lever;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code atsbridge.sandbox.lever.*}: the Lever simulator's knobs; the defaults are Lever's documented values. */
@ConfigurationProperties("atsbridge.sandbox.lever")
public class LeverSandboxProperties {
    /** Steady-state requests per second per key/token (Lever: 10). */
    private double ratePerSecond = 10;
    /** Bucket capacity, i.e. the burst (Lever: 20). */
    private int rateBurst = 20;
    private Duration accessTokenTtl = Duration.ofHours(1);
    private Duration refreshTokenInactivity = Duration.ofDays(90);
    private Duration refreshTokenLifetime = Duration.ofDays(365);
    /** Delays before each of the five retries of a failed webhook delivery (Lever: "longer and longer"). */
    private List<Duration> webhookRetryDelays = new ArrayList<>(List.of(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30)));
    private Duration webhookTimeout = Duration.ofSeconds(10);
    private int maxAccounts = 1000;
    private int maxGeneratedJobs = 20_000;
    private long maxFileBytes = 30L * 1024 * 1024;

    public double getRatePerSecond() { return ratePerSecond; }
    public void setRatePerSecond(double v) { this.ratePerSecond = v; }
    public int getRateBurst() { return rateBurst; }
    public void setRateBurst(int v) { this.rateBurst = v; }
    public Duration getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(Duration v) { this.accessTokenTtl = v; }
    public Duration getRefreshTokenInactivity() { return refreshTokenInactivity; }
    public void setRefreshTokenInactivity(Duration v) { this.refreshTokenInactivity = v; }
    public Duration getRefreshTokenLifetime() { return refreshTokenLifetime; }
    public void setRefreshTokenLifetime(Duration v) { this.refreshTokenLifetime = v; }
    public List<Duration> getWebhookRetryDelays() { return webhookRetryDelays; }
    public void setWebhookRetryDelays(List<Duration> v) { this.webhookRetryDelays = v; }
    public Duration getWebhookTimeout() { return webhookTimeout; }
    public void setWebhookTimeout(Duration v) { this.webhookTimeout = v; }
    public int getMaxAccounts() { return maxAccounts; }
    public void setMaxAccounts(int v) { this.maxAccounts = v; }
    public int getMaxGeneratedJobs() { return maxGeneratedJobs; }
    public void setMaxGeneratedJobs(int v) { this.maxGeneratedJobs = v; }
    public long getMaxFileBytes() { return maxFileBytes; }
    public void setMaxFileBytes(long v) { this.maxFileBytes = v; }
}
