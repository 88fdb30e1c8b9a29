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

    @org.springframework.beans.factory.annotation.Autowired
    io.atsbridge.core.connection.ConnectionService connections;
    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.ProducerTemplate template;

    /** Consent in the sandbox, then our callback: the company ends up connected with OAuth tokens that work. */
    @Test
    void fullConsentRoundTripConnectsAndTheTokenWorksAndRefreshes() throws Exception {
        String company = "co-oauth-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String sandbox = base() + "/sandbox/lever";
        String consent = authorize(company, "https://board.example/ats", sandbox);
        assertThat(consent).startsWith(sandbox + "/authorize?");
        HttpResponse<String> lever = get(consent, Map.of());
        assertThat(lever.statusCode()).as(lever.body()).isEqualTo(302);
        Map<String, String> back = query(lever.headers().firstValue("Location").orElseThrow());
        assertThat(back).containsKeys("code", "state");
        HttpResponse<String> done = get("/api/v1/oauth/lever/callback?code=" + URLEncoder.encode(back.get("code"), StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(back.get("state"), StandardCharsets.UTF_8), Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).isEqualTo("https://board.example/ats?status=connected&companyId=" + company);

        io.atsbridge.core.provider.ConnectionContext ctx = connections.contextForCompany(company).orElseThrow();
        assertThat(ctx.credentials().isOAuth()).isTrue();
        assertThat(ctx.credentials().apiKey()).isNull();
        assertThat(ctx.state(LeverUsers.PERFORM_AS)).isNotBlank();
        String firstRefresh = ctx.credentials().refreshToken();

        // an access token about to expire is refreshed and the rotated refresh token stored
        io.atsbridge.core.provider.Credentials expiring = ctx.credentials().withTokens(ctx.credentials().accessToken(), firstRefresh,
                java.time.Instant.now().plusSeconds(60));
        ctx.stateWriter().saveCredentials(expiring);
        io.atsbridge.core.provider.ConnectionContext stale = connections.contextForCompany(company).orElseThrow();
        String email = "oauth-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        org.apache.camel.Exchange ex = template.send("direct:lever-candidate-export", e -> {
            e.setProperty(io.atsbridge.core.provider.ProviderFlows.CONNECTION, stale);
            e.setProperty(io.atsbridge.core.provider.ProviderFlows.PROGRESS, new io.atsbridge.core.provider.DeliveryProgress(Map.of()));
            e.getMessage().setBody(new io.atsbridge.core.model.Candidate("b", "O", "Auth", java.util.List.of(email), null, null, null, null, null, null, null, null));
        });
        assertThat(ex.getException()).isNull();
        io.atsbridge.core.provider.Credentials after = connections.contextForCompany(company).orElseThrow().credentials();
        assertThat(after.refreshToken()).isNotEqualTo(firstRefresh);
        assertThat(after.accessTokenExpiresAt()).isAfter(java.time.Instant.now().plusSeconds(600));

        // a Super Admin disconnects the app in Lever: the next call fails for good and the connection turns invalid
        HttpResponse<String> revoke = send("DELETE", sandbox + "/_control/oauth/grants", null, Map.of("Authorization", "Bearer " + after.accessToken()));
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        io.atsbridge.core.provider.ConnectionContext dead = connections.contextForCompany(company).orElseThrow();
        org.apache.camel.Exchange failed = template.send("direct:lever-candidate-export", e -> {
            e.setProperty(io.atsbridge.core.provider.ProviderFlows.CONNECTION, dead);
            e.setProperty(io.atsbridge.core.provider.ProviderFlows.PROGRESS, new io.atsbridge.core.provider.DeliveryProgress(Map.of()));
            e.getMessage().setBody(new io.atsbridge.core.model.Candidate("b", "O", "Auth", java.util.List.of("x" + email), null, null, null, null, null, null, null, null));
        });
        assertThat(failed.getException()).isInstanceOfSatisfying(io.atsbridge.core.provider.AtsException.class,
                e -> assertThat(e.kind()).isEqualTo(io.atsbridge.core.provider.AtsException.Kind.AUTH));
        io.atsbridge.core.connection.ConnectionView view = connections.find(company).orElseThrow();
        assertThat(view.status()).isEqualTo("invalid");
        assertThat(view.statusReason()).contains("revoked or expired");
    }

    @Test
    void refusedConsentInTheSandboxComesBackAsAnError() throws Exception {
        String consent = authorize("co-oauth-deny", "https://board.example/ats", base() + "/sandbox/lever");
        HttpResponse<String> lever = get(consent + "&sandbox_decision=deny", Map.of());
        Map<String, String> back = query(lever.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> done = get("/api/v1/oauth/lever/callback?error=" + back.get("error") + "&state="
                + URLEncoder.encode(back.get("state"), StandardCharsets.UTF_8), Map.of());
        assertThat(done.headers().firstValue("Location").orElseThrow()).startsWith("https://board.example/ats?error=access_denied");
        assertThat(connections.find("co-oauth-deny")).isEmpty();
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
