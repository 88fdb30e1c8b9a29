package io.atsbridge.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code atsbridge.*}; provider-specific keys live under {@code atsbridge.providers.<id>.*}. */
@ConfigurationProperties("atsbridge")
public class AtsBridgeProperties {
    private String dataDir = "data";
    private String publicBaseUrl = "http://localhost:8080";
    private final Api api = new Api();
    private final Board board = new Board();
    private final Security security = new Security();
    private List<Operator> operators = new ArrayList<>();
    private final Sandbox sandbox = new Sandbox();
    private final Webhooks webhooks = new Webhooks();
    private final Jobs jobs = new Jobs();
    private final Delivery delivery = new Delivery();
    private List<StageRule> statusMap = new ArrayList<>();

    public String getDataDir() { return dataDir; }
    public void setDataDir(String dataDir) { this.dataDir = dataDir; }
    public String getPublicBaseUrl() { return publicBaseUrl; }
    public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
    public Api getApi() { return api; }
    public Board getBoard() { return board; }
    public Security getSecurity() { return security; }
    public List<Operator> getOperators() { return operators; }
    public void setOperators(List<Operator> operators) { this.operators = operators; }
    public Sandbox getSandbox() { return sandbox; }
    public Webhooks getWebhooks() { return webhooks; }
    public Jobs getJobs() { return jobs; }
    public Delivery getDelivery() { return delivery; }
    public List<StageRule> getStatusMap() { return statusMap; }
    public void setStatusMap(List<StageRule> statusMap) { this.statusMap = statusMap; }

    public static class Api {
        private List<String> tokens = new ArrayList<>();
        private long maxBodyBytes = 1_048_576;
        private long maxScreeningBodyBytes = 20_971_520;
        public List<String> getTokens() { return tokens; }
        public void setTokens(List<String> tokens) { this.tokens = tokens; }
        public long getMaxBodyBytes() { return maxBodyBytes; }
        public void setMaxBodyBytes(long v) { this.maxBodyBytes = v; }
        public long getMaxScreeningBodyBytes() { return maxScreeningBodyBytes; }
        public void setMaxScreeningBodyBytes(long v) { this.maxScreeningBodyBytes = v; }
    }

    public static class Board {
        private String name = "atsbridge";
        private String callbackUrl = "";
        private String callbackSecret = "";
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getCallbackUrl() { return callbackUrl; }
        public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }
        public String getCallbackSecret() { return callbackSecret; }
        public void setCallbackSecret(String callbackSecret) { this.callbackSecret = callbackSecret; }
    }

    public static class Security {
        private String masterKey = "";
        public String getMasterKey() { return masterKey; }
        public void setMasterKey(String masterKey) { this.masterKey = masterKey; }
        @Override public String toString() { return "Security[masterKey=****]"; }
    }

    public static class Operator {
        private String name;
        private String password;
        private List<String> roles = new ArrayList<>(List.of("admin"));
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public List<String> getRoles() { return roles; }
        public void setRoles(List<String> roles) { this.roles = roles; }
        @Override public String toString() { return "Operator[" + name + "]"; }
    }

    public static class Sandbox {
        private boolean enabled = true;
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    public static class Webhooks {
        private long maxBodyBytes = 1_048_576;
        public long getMaxBodyBytes() { return maxBodyBytes; }
        public void setMaxBodyBytes(long v) { this.maxBodyBytes = v; }
    }

    public static class Jobs {
        private int defaultSyncIntervalMinutes = 360;
        private String tickCron = "0 * * * * ?";
        private int suspectMinOpen = 4;
        public int getSuspectMinOpen() { return suspectMinOpen; }
        public void setSuspectMinOpen(int v) { this.suspectMinOpen = v; }
        public int getDefaultSyncIntervalMinutes() { return defaultSyncIntervalMinutes; }
        public void setDefaultSyncIntervalMinutes(int v) { this.defaultSyncIntervalMinutes = v; }
        public String getTickCron() { return tickCron; }
        public void setTickCron(String tickCron) { this.tickCron = tickCron; }
    }

    public static class Delivery {
        private int maxAttempts = 8;
        private Duration initialBackoff = Duration.ofSeconds(2);
        private Duration maxBackoff = Duration.ofMinutes(30);
        private long pollIntervalMs = 500;
        private int batchSize = 20;
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public long getPollIntervalMs() { return pollIntervalMs; }
        public void setPollIntervalMs(long pollIntervalMs) { this.pollIntervalMs = pollIntervalMs; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    }

    /** A stage-name rule of the default status map: the first rule whose {@code match} the stage name contains wins. */
    public static class StageRule {
        private String match;
        private String status;
        public StageRule() { }
        public StageRule(String match, String status) { this.match = match; this.status = status; }
        public String getMatch() { return match; }
        public void setMatch(String match) { this.match = match; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
    }
}
