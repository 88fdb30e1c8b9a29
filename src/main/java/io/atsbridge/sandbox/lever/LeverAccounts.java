package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.support.SimClock;
import io.atsbridge.sandbox.support.TokenBucket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every sandbox Lever account, the credentials that open them (API keys starting with {@code sandbox-}, OAuth
 * tokens) and the OAuth server's grants. Credentials are kept as SHA-256 digests only, so a dump of this object
 * never shows a usable key or token.
 */
final class LeverAccounts {
    static final String BUILT_IN_CLIENT = "sandbox-client";
    private static final String BUILT_IN_SECRET = "sandbox-client-secret";

    /** What an authenticated request is allowed to do; {@code scopes == null} means an API key (all endpoints). */
    record Caller(LeverAccount account, String credentialDigest, Set<String> scopes, String userId) {
        boolean allows(String scope) {
            if (scopes == null || scopes.contains(scope)) return true;
            // "write scopes include all corresponding read permissions"
            return scope.contains(":read:") && scopes.contains(scope.replace(":read:", ":write:"));
        }
    }

    static final class Client {
        final String id;
        final String secretDigest;
        /** Null for the built-in client: any http(s) redirect is registered for it. */
        final Set<String> redirectUris;
        volatile String consentAccountId;
        volatile boolean denyNext;

        Client(String id, String secret, Set<String> redirectUris) {
            this.id = id;
            this.secretDigest = digest(secret);
            this.redirectUris = redirectUris;
        }
    }

    record Code(String clientId, String redirectUri, String accountId, String userId, Set<String> scopes, long expiresAt) { }

    static final class Token {
        final String accountId;
        final String clientId;
        final String userId;
        final Set<String> scopes;
        final long issuedAt;
        final long expiresAt;
        volatile long lastUsedAt;

        Token(String accountId, String clientId, String userId, Set<String> scopes, long issuedAt, long expiresAt) {
            this.accountId = accountId;
            this.clientId = clientId;
            this.userId = userId;
            this.scopes = scopes;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            this.lastUsedAt = issuedAt;
        }
    }

    private final LeverSandboxProperties props;
    private final LeverEvents events;
    private final ObjectMapper json;
    private final byte[] serverSecret = LeverAccount.randomToken(32).getBytes(StandardCharsets.US_ASCII);
    private final Map<String, LeverAccount> byKey = new ConcurrentHashMap<>();
    private final Map<String, LeverAccount> byId = new ConcurrentHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    LeverAccounts(LeverSandboxProperties props, LeverEvents events, ObjectMapper json) {
        this.props = props;
        this.events = events;
        this.json = json;
        clients.put(BUILT_IN_CLIENT, new Client(BUILT_IN_CLIENT, BUILT_IN_SECRET, null));
    }

    // ---------------------------------------------------------------- accounts and keys

    /** The account a {@code sandbox-} key opens, created and seeded on first use; null for any other key. */
    LeverAccount forKey(String key) {
        if (key == null || !key.startsWith("sandbox-") || key.length() < 9) return null;
        String d = digest(key);
        LeverAccount existing = byKey.get(d);
        if (existing != null) return existing;
        synchronized (this) {
            existing = byKey.get(d);
            if (existing != null) return existing;
            LeverAccount a = newAccount();
            a.keyDigests.add(d);
            byKey.put(d, a);
            return a;
        }
    }

    synchronized LeverAccount newAccount() {
        if (byId.size() >= props.getMaxAccounts()) {
            throw new LeverError(503, "ServiceUnavailable", "The sandbox holds its maximum of " + props.getMaxAccounts()
                    + " accounts; delete some through the control API");
        }
        String id = LeverAccount.uuid();
        LeverAccount a = new LeverAccount(id, "demo-company-" + id.substring(0, 8), new SimClock(), events);
        a.accessTtl = props.getAccessTokenTtl();
        a.ratePerSecond = props.getRatePerSecond();
        a.rateBurst = props.getRateBurst();
        synchronized (a.lock) {
            LeverSeed.seed(a);
        }
        byId.put(id, a);
        return a;
    }

    /** Issues another key for an account (control API). The key is returned once and kept only as a digest. */
    String issueKey(LeverAccount a) {
        String key = "sandbox-" + LeverAccount.randomToken(16);
        String d = digest(key);
        a.keyDigests.add(d);
        byKey.put(d, a);
        return key;
    }

    boolean revokeKey(LeverAccount a, String key) {
        String d = digest(key);
        if (!a.keyDigests.remove(d)) return false;
        byKey.remove(d);
        return true;
    }

    LeverAccount byId(String id) {
        return id == null ? null : byId.get(id);
    }

    synchronized void deleteAccount(LeverAccount a) {
        byId.remove(a.id);
        for (String d : a.keyDigests) byKey.remove(d);
        accessTokens.values().removeIf(t -> t.accountId.equals(a.id));
        refreshTokens.values().removeIf(t -> t.accountId.equals(a.id));
    }

    int accountCount() { return byId.size(); }

    /** The account whose public job site is {@code site} (Postings API v0), or null. */
    LeverAccount bySite(String site) {
        if (site == null) return null;
        for (LeverAccount a : byId.values()) if (a.site.equals(site)) return a;
        return null;
    }

    /** True when {@code key} is one of the account's keys (the sandbox accepts its keys as postings-api keys too). */
    boolean isKeyOf(LeverAccount a, String key) {
        return key != null && a.keyDigests.contains(digest(key));
    }

    // ---------------------------------------------------------------- request authentication

    Caller authenticateKey(String key) {
        LeverAccount a = forKey(key);
        return a == null ? null : new Caller(a, digest(key), null, null);
    }

    /** The caller a bearer token names, or null when it is unknown, expired or revoked. */
    Caller authenticateBearer(String token) {
        String d = digest(token);
        Token t = accessTokens.get(d);
        if (t == null) return null;
        LeverAccount a = byId.get(t.accountId);
        if (a == null || a.now() >= t.expiresAt) {
            accessTokens.remove(d);
            return null;
        }
        return new Caller(a, d, t.scopes, t.userId);
    }

    /** Lever's bucket: per key or token, refilled at the account's rate. */
    boolean takeToken(Caller c) {
        LeverAccount a = c.account();
        if (a.rateLimitDisabled) return true;
        if (buckets.size() > 50_000) buckets.clear(); // memory bound; a cleared bucket starts full, as after a pause
        TokenBucket b = buckets.compute(c.credentialDigest(), (k, old) -> old != null
                && old.perSecond() == a.ratePerSecond && old.capacity() == a.rateBurst ? old
                : new TokenBucket(a.ratePerSecond, a.rateBurst));
        return b.tryAcquire();
    }

    // ---------------------------------------------------------------- OAuth server

    Client client(String id) {
        return id == null ? null : clients.get(id);
    }

    Client registerClient(String id, String secret, Set<String> redirectUris) {
        if (id == null || id.isBlank() || secret == null || secret.length() < 8) {
            throw LeverError.badRequest("clientId and a clientSecret of at least 8 characters are required");
        }
        if (BUILT_IN_CLIENT.equals(id)) throw LeverError.badRequest("the built-in client cannot be replaced");
        if (clients.size() > 1000) throw LeverError.badRequest("too many OAuth clients");
        Client c = new Client(id, secret, redirectUris);
        clients.put(id, c);
        return c;
    }

    boolean secretMatches(Client c, String secret) {
        return secret != null && MessageDigest.isEqual(c.secretDigest.getBytes(StandardCharsets.US_ASCII),
                digest(secret).getBytes(StandardCharsets.US_ASCII));
    }

    String issueCode(Client c, String redirectUri, LeverAccount a, String userId, Set<String> scopes) {
        long wall = System.currentTimeMillis();
        codes.values().removeIf(x -> x.expiresAt() < wall);
        String code = LeverAccount.randomToken(16);
        codes.put(digest(code), new Code(c.id, redirectUri, a.id, userId, scopes, wall + 600_000));
        return code;
    }

    /** One-shot: a code is consumed whether or not the exchange succeeds. */
    Code takeCode(String code) {
        if (code == null) return null;
        Code c = codes.remove(digest(code));
        return c == null || c.expiresAt() < System.currentTimeMillis() ? null : c;
    }

    /** Mints an access token (and a refresh token when {@code offline_access} was granted) — the token response. */
    Map<String, Object> issueTokens(LeverAccount a, String clientId, String userId, Set<String> scopes) {
        String accountId = a.id;
        long now = a.now();
        long ttl = a.accessTtl.toMillis();
        if (accessTokens.size() > 10_000) pruneExpired();
        String access = jwt(accountId, clientId, userId, scopes, now, now + ttl);
        accessTokens.put(digest(access), new Token(accountId, clientId, userId, scopes, now, now + ttl));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", access);
        if (scopes.contains("offline_access")) {
            String refresh = LeverAccount.randomToken(32);
            refreshTokens.put(digest(refresh), new Token(accountId, clientId, userId, scopes, now,
                    now + props.getRefreshTokenLifetime().toMillis()));
            m.put("refresh_token", refresh);
        }
        m.put("token_type", "Bearer");
        m.put("scope", String.join(" ", scopes));
        m.put("expires_in", ttl / 1000);
        return m;
    }

    /**
     * Rotates a refresh token: the presented one dies whatever happens next. Null when unknown, used before, issued to
     * another client, expired or idle longer than the inactivity window.
     */
    Token takeRefreshToken(String refresh, String clientId) {
        if (refresh == null) return null;
        Token t = refreshTokens.remove(digest(refresh));
        if (t == null || !t.clientId.equals(clientId)) return null;
        LeverAccount a = byId.get(t.accountId);
        if (a == null) return null;
        long now = a.now();
        if (now >= t.expiresAt || now - t.lastUsedAt > props.getRefreshTokenInactivity().toMillis()) return null;
        return t;
    }

    /** Memory bound: drops access tokens that expired on their account's clock (or whose account is gone). */
    private void pruneExpired() {
        accessTokens.values().removeIf(t -> {
            LeverAccount a = byId.get(t.accountId);
            return a == null || a.now() >= t.expiresAt;
        });
    }

    /** Revokes every token a client holds for an account (a Super Admin disconnecting the app). */
    int revokeGrants(LeverAccount a, String clientId) {
        int before = accessTokens.size() + refreshTokens.size();
        accessTokens.values().removeIf(t -> t.accountId.equals(a.id) && (clientId == null || t.clientId.equals(clientId)));
        refreshTokens.values().removeIf(t -> t.accountId.equals(a.id) && (clientId == null || t.clientId.equals(clientId)));
        return before - accessTokens.size() - refreshTokens.size();
    }

    // Lever's access tokens are JWTs with these claims (lever.md 2.2); the simulator signs them HS512 itself.
    private String jwt(String accountId, String clientId, String userId, Set<String> scopes, long iat, long exp) {
        Map<String, Object> header = Map.of("alg", "HS512", "typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("https://oauth.lever.co/userId", userId);
        claims.put("https://oauth.lever.co/accountId", accountId);
        claims.put("https://oauth.lever.co/clientId", clientId);
        claims.put("iss", "https://auth.lever.co/");
        claims.put("sub", clientId + "@clients");
        claims.put("aud", "https://api.lever.co/v1/");
        claims.put("iat", iat / 1000);
        claims.put("exp", exp / 1000);
        claims.put("scope", String.join(" ", scopes));
        claims.put("jti", LeverAccount.randomToken(8));
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(json.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(json.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(serverSecret, "HmacSHA512"));
            return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Short MAC for offset tokens, bound to the account and the list they page. */
    String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> scopes(String scope) {
        Set<String> s = new LinkedHashSet<>();
        if (scope != null) for (String p : scope.trim().split("\\s+")) if (!p.isEmpty()) s.add(p);
        return s;
    }

    List<Map<String, Object>> clientViews() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Client c : clients.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", c.id);
            m.put("redirectUris", c.redirectUris == null ? "any" : c.redirectUris);
            m.put("consentAccountId", c.consentAccountId);
            m.put("denyNext", c.denyNext);
            out.add(m);
        }
        return out;
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
