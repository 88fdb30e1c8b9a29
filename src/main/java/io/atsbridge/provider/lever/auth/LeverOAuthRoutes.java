package io.atsbridge.provider.lever.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.api.ApiErrors;
import io.atsbridge.api.ApiSupport;
import io.atsbridge.core.HubException;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.provider.lever.LeverProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Connect by OAuth (providers/lever.md §2.2). {@code GET /api/v1/oauth/lever/authorize} (board bearer token) sends the
 * admin to Lever's consent page with a signed {@code state}; {@code GET /api/v1/oauth/lever/callback} (public: Lever
 * redirects the browser there) checks the state, exchanges the code and stores the connection, then sends the
 * browser back to {@code returnTo} with {@code status=connected} or {@code error=…}.
 */
@Component
public class LeverOAuthRoutes extends RouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(LeverOAuthRoutes.class);
    private final ApiSupport api;
    private final LeverTokens tokens;
    private final ConnectionService connections;
    private final LeverProperties props;
    private final OAuthState state;

    public LeverOAuthRoutes(ApiSupport api, LeverTokens tokens, ConnectionService connections, LeverProperties props,
                            AtsBridgeProperties hub, ObjectMapper json) {
        this.api = api;
        this.tokens = tokens;
        this.connections = connections;
        this.props = props;
        this.state = new OAuthState(masterKey(hub), json, Clock.systemUTC());
    }

    @Override
    public void configure() {
        from("platform-http:/api/v1/oauth/lever/authorize?httpMethodRestrict=GET").routeId("lever-oauth-authorize")
                .routeConfigurationId(ApiErrors.ID)
                .process(this::authorize);

        from("platform-http:/api/v1/oauth/lever/callback?httpMethodRestrict=GET").routeId("lever-oauth-callback")
                .routeConfigurationId(ApiErrors.ID)
                .process(this::callback);
    }

    void authorize(Exchange e) {
        if (props.getOauth().getClientId() == null || props.getOauth().getClientId().isBlank()) {
            throw new HubException(409, "oauth_not_configured",
                    "Lever OAuth is not configured here (atsbridge.providers.lever.oauth.client-id): connect with an API key", null);
        }
        String companyId = required(e, "companyId");
        String connectedBy = required(e, "connectedBy");
        String returnTo = required(e, "returnTo");
        checkUrl(returnTo, "returnTo");
        String baseUrl = api.query(e, "baseUrl");
        if (baseUrl != null) {
            checkUrl(baseUrl, "baseUrl");
        }
        String signed = state.sign(companyId, connectedBy, returnTo, baseUrl, api.query(e, "onBehalfOf"));
        redirect(e, tokens.consentUrl(baseUrl, signed));
    }

    void callback(Exchange e) {
        OAuthState.Claims claims;
        try {
            claims = state.verify(api.query(e, "state"));
        } catch (IllegalArgumentException bad) {
            // without a trusted state there is no trusted place to send the browser back to
            throw HubException.badRequest("state", bad.getMessage());
        }
        String error = api.query(e, "error");
        if (error != null) {
            String description = api.query(e, "error_description");
            redirect(e, withQuery(claims.returnTo(), "error", error, "message",
                    description != null ? description : "the Lever admin did not grant access"));
            return;
        }
        String code = api.query(e, "code");
        if (code == null) {
            redirect(e, withQuery(claims.returnTo(), "error", "invalid_request", "message", "Lever sent no authorization code"));
            return;
        }
        LeverTokens.Tokens t;
        try {
            t = tokens.exchange(claims.baseUrl(), code);
        } catch (AtsException ex) {
            log.warn("Lever code exchange failed for company {}: {}", claims.companyId(), ex.getMessage());
            redirect(e, withQuery(claims.returnTo(), "error", "token_exchange_failed", "message", "Lever refused the authorization code: " + ex.getMessage()));
            return;
        }
        try {
            connections.connect(claims.companyId(), new ConnectRequest("lever", null, claims.onBehalfOf(), null, List.of(),
                    claims.baseUrl(), claims.connectedBy(), null, t.accessToken(), t.refreshToken(), t.expiresAt()));
        } catch (HubException ex) {
            redirect(e, withQuery(claims.returnTo(), "error", ex.code(), "message", ex.getMessage()));
            return;
        }
        redirect(e, withQuery(claims.returnTo(), "status", "connected", "companyId", claims.companyId()));
    }

    private String required(Exchange e, String name) {
        String v = api.query(e, name);
        if (v == null) {
            throw HubException.badRequest(name, name + " is required");
        }
        return v;
    }

    private static void checkUrl(String url, String field) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                throw HubException.badRequest(field, field + " must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException bad) {
            throw HubException.badRequest(field, field + " is not a URL");
        }
    }

    private static void redirect(Exchange e, String location) {
        e.getMessage().getHeaders().clear();
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        e.getMessage().setHeader("Location", location);
        e.getMessage().setHeader("Cache-Control", "no-store");
        e.getMessage().setBody(null);
    }

    static String withQuery(String url, String... pairs) {
        StringBuilder sb = new StringBuilder(url);
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            sb.setLength(hash);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1] == null ? "" : pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb + fragment;
    }

    private static byte[] masterKey(AtsBridgeProperties hub) {
        String k = hub.getSecurity().getMasterKey();
        try {
            if (k == null || k.isBlank()) {
                // no master key yet: states then only hold within this process, which is all a consent round-trip needs
                byte[] r = new byte[32];
                new java.security.SecureRandom().nextBytes(r);
                return r;
            }
            return Base64.getDecoder().decode(k.trim());
        } catch (IllegalArgumentException e) {
            return k.getBytes(StandardCharsets.UTF_8);
        }
    }
}
