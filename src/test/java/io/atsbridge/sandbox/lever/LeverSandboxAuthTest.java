package io.atsbridge.sandbox.lever;

import static io.atsbridge.sandbox.lever.LeverShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** API-key Basic auth and the OAuth authorization-code flow with rotation (lever.md 2, 12.1). */
class LeverSandboxAuthTest extends LeverSandboxTestBase {
    private static final String CALLBACK = "https://board.example/api/v1/oauth/lever/callback";
    private static final String SCOPES = "offline_access postings:read:admin opportunities:write:admin stages:read:admin";

    @Test
    void apiKeysOpenTheirOwnAccountsAndOtherKeysAreRefused() throws Exception {
        Res none = get("/v1/postings", null);
        assertThat(none.status()).isEqualTo(401);
        assertShape(none.json(), "error");
        assertThat(none.json().get("code").asText()).isEqualTo("Unauthorized");
        assertThat(get("/v1/postings", basic("live-key-123")).status()).isEqualTo(401);
        assertThat(get("/v1/postings", "Basic not-base64!").status()).isEqualTo(401);
        assertThat(get("/v1/postings", "Bearer not-a-token").status()).isEqualTo(401);

        // any sandbox- key opens (and seeds) its own account on first use
        String k1 = "sandbox-" + java.util.UUID.randomUUID();
        String k2 = "sandbox-" + java.util.UUID.randomUUID();
        Res a = get("/v1/postings", basic(k1));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("data").size()).isGreaterThan(30);
        String performAs = get("/v1/users", basic(k1)).json().get("data").get(0).get("id").asText();
        send("POST", "/v1/opportunities?perform_as=" + performAs, basic(k1), "{\"name\":\"Only In One\",\"emails\":[\"one@example.com\"]}");
        assertThat(get("/v1/opportunities?email=one@example.com", basic(k1)).json().get("data")).hasSize(1);
        assertThat(get("/v1/opportunities?email=one@example.com", basic(k2)).json().get("data")).as("accounts are isolated").isEmpty();
        // the key works with or without the trailing colon (blank password)
        String noColon = "Basic " + Base64.getEncoder().encodeToString(k1.getBytes(StandardCharsets.UTF_8));
        assertThat(get("/v1/opportunities?email=one@example.com", noColon).json().get("data")).hasSize(1);
        // the control API reports the account without ever echoing the key
        Res acct = get("/_control/account", basic(k1));
        assertThat(acct.body()).doesNotContain(k1);
        assertThat(acct.json().get("superAdminUserId").asText()).isEqualTo(performAs);
    }

    private URI authorize(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(root() + "/authorize");
        params.forEach((k, v) -> b.queryParam(k, URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.build(true).toUri();
    }

    private Map<String, String> authorizeParams(String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("client_id", "sandbox-client");
        p.put("redirect_uri", CALLBACK);
        p.put("response_type", "code");
        p.put("state", "st-123");
        p.put("audience", "https://api.lever.co/v1/");
        p.put("scope", scope);
        p.put("prompt", "consent");
        return p;
    }

    private Map<String, String> redirectQuery(Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String loc = r.header("Location");
        assertThat(loc).startsWith(CALLBACK + "?");
        Map<String, String> q = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(loc).build().getQueryParams()
                .forEach((k, v) -> q.put(k, java.net.URLDecoder.decode(v.get(0), StandardCharsets.UTF_8)));
        return q;
    }

    private Res get(URI uri) throws Exception {
        return exchange(java.net.http.HttpRequest.newBuilder(uri).GET().build());
    }

    private static String form(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private Res exchangeCode(String code) throws Exception {
        return sendForm("/oauth/token", form(Map.of("grant_type", "authorization_code", "client_id", "sandbox-client",
                "client_secret", "sandbox-client-secret", "code", code, "redirect_uri", CALLBACK)));
    }

    private Res refresh(String refreshToken) throws Exception {
        return sendForm("/oauth/token", form(Map.of("grant_type", "refresh_token", "client_id", "sandbox-client",
                "client_secret", "sandbox-client-secret", "refresh_token", refreshToken)));
    }

    @Test
    void authorizationCodeFlowWithRefreshTokenRotation() throws Exception {
        // the account the consent lands in: one the test owns, so it can inspect it
        String key = newAccountKey();
        send("PUT", "/_control/oauth/clients/sandbox-client/consent", basic(key), "{}");
        Map<String, String> back = redirectQuery(get(authorize(authorizeParams(SCOPES))));
        assertThat(back.get("state")).isEqualTo("st-123");
        String code = back.get("code");
        assertThat(code).isNotBlank();

        Res tok = exchangeCode(code);
        assertThat(tok.status()).as(tok.body()).isEqualTo(200);
        assertShape(tok.json(), "oauthToken");
        assertThat(tok.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tok.json().get("expires_in").asInt()).isEqualTo(3600);
        assertThat(tok.header("Cache-Control")).contains("no-store");
        String access = tok.json().get("access_token").asText();
        String refresh1 = tok.json().get("refresh_token").asText();
        // a JWT whose claims name the Lever account
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        String accountId = get("/_control/account", basic(key)).json().get("accountId").asText();
        assertThat(claims.get("https://oauth.lever.co/accountId").asText()).isEqualTo(accountId);
        assertThat(claims.get("aud").asText()).isEqualTo("https://api.lever.co/v1/");

        assertThat(exchangeCode(code).json().get("error").asText()).as("codes are single-use").isEqualTo("invalid_grant");

        String bearer = "Bearer " + access;
        assertThat(get("/v1/postings", bearer).status()).isEqualTo(200);
        assertThat(get("/v1/stages", bearer).status()).isEqualTo(200);
        // scopes are enforced: no users scope was granted
        Res forbidden = get("/v1/users", bearer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertShape(forbidden.json(), "error");
        // write implies read
        assertThat(get("/v1/opportunities?email=x@example.com", bearer).status()).isEqualTo(200);

        // rotation: the new refresh token works, the old one is dead
        Res r2 = refresh(refresh1);
        assertThat(r2.status()).as(r2.body()).isEqualTo(200);
        String refresh2 = r2.json().get("refresh_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh1);
        Res reused = refresh(refresh1);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
        String access2 = r2.json().get("access_token").asText();
        assertThat(get("/v1/postings", "Bearer " + access2).status()).isEqualTo(200);

        // access tokens last an hour on the account's clock
        send("POST", "/_control/clock", basic(key), "{\"advanceSeconds\":3601}");
        Res expired = get("/v1/postings", "Bearer " + access2);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asText()).isEqualTo("Unauthorized");
        Res r3 = refresh(refresh2);
        assertThat(r3.status()).isEqualTo(200);
        assertThat(get("/v1/postings", "Bearer " + r3.json().get("access_token").asText()).status()).isEqualTo(200);

        // the control API takes the bearer token too, and 90 idle days kill a refresh token
        send("POST", "/_control/clock", "Bearer " + r3.json().get("access_token").asText(), "{\"advanceSeconds\":7862400}");
        assertThat(refresh(r3.json().get("refresh_token").asText()).status()).isEqualTo(400);
    }

    @Test
    void authorizeValidatesWhatLeverValidates() throws Exception {
        Map<String, String> noSlash = authorizeParams(SCOPES);
        noSlash.put("audience", "https://api.lever.co/v1");
        assertThat(redirectQuery(get(authorize(noSlash))).get("error")).isEqualTo("invalid_request");

        Map<String, String> badType = authorizeParams(SCOPES);
        badType.put("response_type", "token");
        assertThat(redirectQuery(get(authorize(badType))).get("error")).isEqualTo("unsupported_response_type");

        Map<String, String> noState = authorizeParams(SCOPES);
        noState.remove("state");
        assertThat(get(authorize(noState)).status()).isEqualTo(400);

        Map<String, String> unknownClient = authorizeParams(SCOPES);
        unknownClient.put("client_id", "nobody");
        assertThat(get(authorize(unknownClient)).status()).isEqualTo(400);

        Map<String, String> badScope = authorizeParams("offline_access postings:read:everything");
        assertThat(redirectQuery(get(authorize(badScope))).get("error")).isEqualTo("invalid_scope");

        // a registered client only redirects to its exact callback
        Res reg = send("POST", "/_control/oauth/clients", null,
                "{\"clientId\":\"board-app\",\"clientSecret\":\"board-app-secret\",\"redirectUris\":[\"" + CALLBACK + "\"]}");
        assertThat(reg.status()).isEqualTo(201);
        Map<String, String> other = authorizeParams(SCOPES);
        other.put("client_id", "board-app");
        other.put("redirect_uri", CALLBACK + "/other");
        assertThat(get(authorize(other)).status()).isEqualTo(400);

        // refusal by the Super Admin
        String key = newAccountKey();
        send("PUT", "/_control/oauth/clients/sandbox-client/consent", basic(key), "{\"deny\":true}");
        Map<String, String> denied = redirectQuery(get(authorize(authorizeParams(SCOPES))));
        assertThat(denied.get("error")).isEqualTo("access_denied");
        assertThat(denied.get("state")).isEqualTo("st-123");
        assertThat(denied).doesNotContainKey("code");
    }

    @Test
    void tokenEndpointRefusals() throws Exception {
        Map<String, String> back = redirectQuery(get(authorize(authorizeParams("postings:read:admin"))));
        Map<String, String> wrongSecret = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id",
                "sandbox-client", "client_secret", "wrong", "code", back.get("code"), "redirect_uri", CALLBACK));
        Res r = sendForm("/oauth/token", form(wrongSecret));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_client");

        Map<String, String> back2 = redirectQuery(get(authorize(authorizeParams("postings:read:admin"))));
        Map<String, String> wrongRedirect = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id",
                "sandbox-client", "client_secret", "sandbox-client-secret", "code", back2.get("code"),
                "redirect_uri", "https://elsewhere.example/cb"));
        assertThat(sendForm("/oauth/token", form(wrongRedirect)).json().get("error").asText()).isEqualTo("invalid_grant");

        // without offline_access there is no refresh token
        Map<String, String> back3 = redirectQuery(get(authorize(authorizeParams("postings:read:admin"))));
        Res tok = exchangeCode(back3.get("code"));
        assertThat(tok.status()).isEqualTo(200);
        assertThat(tok.json().has("refresh_token")).isFalse();
        assertThat(sendForm("/oauth/token", "grant_type=password&client_id=sandbox-client&client_secret=sandbox-client-secret")
                .json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }
}
