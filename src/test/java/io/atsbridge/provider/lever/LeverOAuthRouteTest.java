package io.atsbridge.provider.lever;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth entry points: consent redirect, state checks, refusal and success round-trips. */
class LeverOAuthRouteTest extends LeverRouteTestBase {

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            q.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    String authorize(String company, String returnTo, String baseUrl) throws Exception {
        HttpResponse<String> r = get("/api/v1/oauth/lever/authorize?companyId=" + company + "&connectedBy=admin%40x.example&returnTo="
                + URLEncoder.encode(returnTo, StandardCharsets.UTF_8) + (baseUrl == null ? "" : "&baseUrl=" + URLEncoder.encode(baseUrl, StandardCharsets.UTF_8)), bearer());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void authorizeNeedsTheBoardToken() throws Exception {
        assertThat(get("/api/v1/oauth/lever/authorize?companyId=c&connectedBy=a&returnTo=https://b.example", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void authorizeRedirectsToLeversConsentWithSignedStateAudienceAndScopes() throws Exception {
        String location = authorize("co-oauth-1", "https://board.example/ats", null);
        assertThat(location).startsWith("https://auth.lever.co/authorize?");
        Map<String, String> q = query(location);
        assertThat(q).containsEntry("client_id", "sandbox-client").containsEntry("response_type", "code")
                .containsEntry("audience", "https://api.lever.co/v1/")
                .hasEntrySatisfying("redirect_uri", v -> assertThat(v).endsWith("/api/v1/oauth/lever/callback"));
        assertThat(q.get("scope").split(" ")).contains("offline_access", "postings:read:admin", "opportunities:write:admin", "files:write:admin");
        assertThat(q.get("state")).contains(".");
    }

    @Test
    void authorizeRejectsMissingParameters() throws Exception {
        HttpResponse<String> r = get("/api/v1/oauth/lever/authorize?companyId=c&connectedBy=a", bearer());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("returnTo");
    }

    @Test
    void callbackWithAForgedStateIsRefused() throws Exception {
        String location = authorize("co-oauth-2", "https://board.example/ats", null);
        String state = query(location).get("state");
        String forged = "x" + state.substring(1);
        HttpResponse<String> r = get("/api/v1/oauth/lever/callback?code=abc&state=" + URLEncoder.encode(forged, StandardCharsets.UTF_8), Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("state");
    }

    @Test
    void refusedConsentGoesBackToTheBoardWithTheError() throws Exception {
        String state = query(authorize("co-oauth-3", "https://board.example/ats?x=1", null)).get("state");
        HttpResponse<String> r = get("/api/v1/oauth/lever/callback?error=access_denied&error_description=nope&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8), Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("https://board.example/ats?x=1&error=access_denied&message=nope");
    }
}
