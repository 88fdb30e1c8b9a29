package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverAccounts.Client;
import io.atsbridge.sandbox.lever.LeverAccounts.Code;
import io.atsbridge.sandbox.lever.LeverAccounts.Token;
import io.atsbridge.sandbox.lever.LeverModel.User;
import io.atsbridge.sandbox.support.Multipart;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lever's OAuth server (lever.md 2.2, 12.1) at {@code /sandbox/lever/authorize} and {@code /sandbox/lever/oauth/token}:
 * the authorization-code flow, where the "Super Admin" consents automatically (or refuses, when told to through the
 * control API), and refresh-token rotation. Errors use OAuth's {@code {error, error_description}} shape, as Lever's
 * Auth0-based server does.
 */
@RestController
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@RequestMapping("/sandbox/lever")
class LeverOAuthController {
    private final LeverAccounts accounts;
    private final ObjectMapper json;

    LeverOAuthController(LeverAccounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping("/authorize")
    ResponseEntity<?> authorize(@RequestParam Map<String, String> q) {
        Client client = accounts.client(q.get("client_id"));
        if (client == null) return oauthError(400, "invalid_client", "Unknown client_id");
        String redirect = q.get("redirect_uri");
        if (redirect == null || !(redirect.startsWith("https://") || redirect.startsWith("http://"))
                || (client.redirectUris != null && !client.redirectUris.contains(redirect))) {
            // never redirect to an unregistered URI: show the error instead
            return oauthError(400, "invalid_request", "redirect_uri is missing or does not exactly match the registered callback");
        }
        String state = q.get("state");
        if (state == null || state.isEmpty()) return oauthError(400, "invalid_request", "state is required");
        if (!"code".equals(q.get("response_type"))) {
            return back(redirect, state, "unsupported_response_type", "response_type must be code");
        }
        String audience = q.get("audience");
        if (audience == null || !audience.endsWith("/v1/")) {
            return back(redirect, state, "invalid_request", "audience must be the Data API root with a trailing slash, e.g. https://api.lever.co/v1/");
        }
        Set<String> scopes = LeverAccounts.scopes(q.get("scope"));
        if (scopes.isEmpty()) return back(redirect, state, "invalid_scope", "scope is required");
        for (String s : scopes) {
            if (!s.equals("offline_access") && !s.matches("[a-z_]+:(read|write|access):admin")) {
                return back(redirect, state, "invalid_scope", "Unknown scope: " + s);
            }
        }
        if (scopes.size() > 21) return back(redirect, state, "invalid_scope", "An app may request at most 20 scopes");
        if (client.denyNext || "deny".equalsIgnoreCase(q.get("sandbox_decision"))) {
            client.denyNext = false;
            return back(redirect, state, "access_denied", "The user denied access to this application");
        }
        String accountId = q.getOrDefault("sandbox_account", client.consentAccountId);
        LeverAccount a = accountId != null ? accounts.byId(accountId) : accounts.newAccount();
        if (a == null) return oauthError(400, "invalid_request", "Unknown sandbox account " + accountId);
        User admin;
        synchronized (a.lock) {
            admin = a.firstSuperAdmin();
        }
        String code = accounts.issueCode(client, redirect, a, admin == null ? null : admin.id, scopes);
        URI to = UriComponentsBuilder.fromUriString(redirect).queryParam("code", code).queryParam("state", state)
                .encode().build().toUri();
        return ResponseEntity.status(302).location(to).build();
    }

    @PostMapping("/oauth/token")
    ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form, HttpServletRequest req) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(form);
        String type = req.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            byte[] bytes = Multipart.readLimited(req.getInputStream(), 65_536);
            try {
                Map<String, Object> m = json.readValue(bytes, new TypeReference<Map<String, Object>>() { });
                m.forEach((k, v) -> p.put(k, v == null ? null : String.valueOf(v)));
            } catch (IOException e) {
                return oauthError(400, "invalid_request", "Body must be form-encoded (or JSON)");
            }
        }
        Client client = accounts.client(p.get("client_id"));
        if (client == null || !accounts.secretMatches(client, p.get("client_secret"))) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        String grant = p.get("grant_type");
        if ("authorization_code".equals(grant)) {
            Code code = accounts.takeCode(p.get("code"));
            if (code == null || !code.clientId().equals(client.id)) {
                return oauthError(400, "invalid_grant", "Invalid or expired authorization code");
            }
            if (!code.redirectUri().equals(p.get("redirect_uri"))) {
                return oauthError(400, "invalid_grant", "redirect_uri does not match the one used to authorize");
            }
            LeverAccount a = accounts.byId(code.accountId());
            if (a == null) return oauthError(400, "invalid_grant", "The account behind this code no longer exists");
            return tokens(accounts.issueTokens(a, client.id, code.userId(), code.scopes()));
        }
        if ("refresh_token".equals(grant)) {
            Token t = accounts.takeRefreshToken(p.get("refresh_token"), client.id);
            LeverAccount a = t == null ? null : accounts.byId(t.accountId);
            if (a == null) return oauthError(400, "invalid_grant", "Unknown, used, revoked or expired refresh token");
            return tokens(accounts.issueTokens(a, client.id, t.userId, t.scopes));
        }
        return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    private static ResponseEntity<Map<String, Object>> tokens(Map<String, Object> body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Map<String, Object>> back(String redirect, String state, String error, String description) {
        URI to = UriComponentsBuilder.fromUriString(redirect).queryParam("state", state).queryParam("error", error)
                .queryParam("error_description", description).encode().build().toUri();
        return ResponseEntity.status(302).location(to).build();
    }

    static ResponseEntity<Map<String, Object>> oauthError(int status, String error, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("error_description", description);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(m);
    }
}
