package io.atsbridge.provider.lever.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.http.AtsHttp;
import io.atsbridge.core.http.RateBudgets.Priority;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.provider.lever.LeverProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Lever's OAuth token endpoint (providers/lever.md §2.2): code exchange and refresh, form-encoded. Never logs a token.
 * With a baseUrl B the endpoints are {@code B/authorize} and {@code B/oauth/token}.
 */
@Component
public class LeverTokens {
    /** Token calls are rare; their own small budget keeps them out of the data budget's accounting. */
    private static final RateLimit TOKEN_RATE = RateLimit.perSecond(5, 5);
    private final AtsHttp http;
    private final ObjectMapper json;
    private final LeverProperties props;
    private final AtsBridgeProperties hub;
    private final Clock clock = Clock.systemUTC();

    public LeverTokens(AtsHttp http, ObjectMapper json, LeverProperties props, AtsBridgeProperties hub) {
        this.http = http;
        this.json = json;
        this.props = props;
        this.hub = hub;
    }

    /** What the token endpoint answered. {@link #toString()} hides the tokens. */
    public record Tokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {
        @Override
        public String toString() {
            return "Tokens[****, expiresAt=" + expiresAt + "]";
        }
    }

    public String authorizeUrl(String baseUrl) {
        return blank(baseUrl) ? props.getOauth().getAuthorizeUrl() : trim(baseUrl) + "/authorize";
    }

    public String tokenUrl(String baseUrl) {
        return blank(baseUrl) ? props.getOauth().getTokenUrl() : trim(baseUrl) + "/oauth/token";
    }

    public String redirectUri() {
        String r = props.getOauth().getRedirectUri();
        return blank(r) ? trim(hub.getPublicBaseUrl()) + "/api/v1/oauth/lever/callback" : r;
    }

    /** The consent page URL for a signed {@code state}. */
    public String consentUrl(String baseUrl, String state) {
        LeverProperties.OAuth o = props.getOauth();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", o.getClientId());
        q.put("redirect_uri", redirectUri());
        q.put("response_type", "code");
        q.put("state", state);
        q.put("audience", o.getAudience());
        q.put("scope", o.getScopes());
        q.put("prompt", "consent");
        return authorizeUrl(baseUrl) + "?" + form(q);
    }

    public Tokens exchange(String baseUrl, String code) throws AtsException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("client_id", props.getOauth().getClientId());
        f.put("client_secret", props.getOauth().getClientSecret());
        f.put("code", code);
        f.put("redirect_uri", redirectUri());
        return post(new ConnectionContext("lever-oauth", null, "lever", baseUrl, null, null, null, null, null), f, null);
    }

    public Tokens refresh(ConnectionContext ctx, String refreshToken) throws AtsException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "refresh_token");
        f.put("client_id", props.getOauth().getClientId());
        f.put("client_secret", props.getOauth().getClientSecret());
        f.put("refresh_token", refreshToken);
        return post(ctx, f, refreshToken);
    }

    private Tokens post(ConnectionContext ctx, Map<String, String> form, String previousRefresh) throws AtsException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(tokenUrl(ctx.baseUrl())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        HttpResponse<byte[]> resp = http.send(ctx, TOKEN_RATE, req, Priority.WRITE);
        try {
            JsonNode n = json.readTree(resp.body());
            String access = n.path("access_token").asText(null);
            if (access == null) {
                throw new AtsException(AtsException.Kind.UNAVAILABLE, resp.statusCode(), "Lever's token endpoint answered without an access token");
            }
            long expiresIn = n.path("expires_in").asLong(3600);
            // no new refresh token means no rotation this time: keep the one we have
            String refresh = n.path("refresh_token").asText(previousRefresh);
            return new Tokens(access, refresh, clock.instant().plusSeconds(expiresIn), n.path("scope").asText(null));
        } catch (IOException e) {
            throw new AtsException(AtsException.Kind.UNAVAILABLE, resp.statusCode(), "Lever's token endpoint answered with a body that is not JSON", null, e);
        }
    }

    static String form(Map<String, String> m) {
        return m.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
