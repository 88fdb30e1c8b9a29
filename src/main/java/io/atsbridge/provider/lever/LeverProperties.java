package io.atsbridge.provider.lever;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code atsbridge.providers.lever.*}. Defaults are Lever's production hosts (providers/lever.md §1); a connection's
 * {@code baseUrl} replaces the host of all three (DESIGN.md, baseUrl rule).
 */
@Component
@ConfigurationProperties("atsbridge.providers.lever")
public class LeverProperties {
    private String apiRoot = "https://api.lever.co";
    private final OAuth oauth = new OAuth();

    public String getApiRoot() { return apiRoot; }
    public void setApiRoot(String apiRoot) { this.apiRoot = apiRoot; }
    public OAuth getOauth() { return oauth; }

    public static class OAuth {
        private String clientId = "";
        private String clientSecret = "";
        /** Empty = {@code ${atsbridge.public-base-url}/api/v1/oauth/lever/callback}. */
        private String redirectUri = "";
        private String authorizeUrl = "https://auth.lever.co/authorize";
        private String tokenUrl = "https://auth.lever.co/oauth/token";
        private String audience = "https://api.lever.co/v1/";
        /** What the hub needs (providers/lever.md §2.2 table); space-separated on the consent URL. */
        private String scopes = "offline_access postings:read:admin opportunities:write:admin files:write:admin "
                + "stages:read:admin archive_reasons:read:admin users:read:admin webhooks:write:admin";

        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getClientSecret() { return clientSecret; }
        public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
        public String getRedirectUri() { return redirectUri; }
        public void setRedirectUri(String redirectUri) { this.redirectUri = redirectUri; }
        public String getAuthorizeUrl() { return authorizeUrl; }
        public void setAuthorizeUrl(String authorizeUrl) { this.authorizeUrl = authorizeUrl; }
        public String getTokenUrl() { return tokenUrl; }
        public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public String getScopes() { return scopes; }
        public void setScopes(String scopes) { this.scopes = scopes; }
        @Override public String toString() { return "OAuth[clientId=" + clientId + ", clientSecret=****]"; }
    }
}
