package io.atsbridge.provider.lever.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state}: {companyId, connectedBy, returnTo, baseUrl, expiry} signed with HMAC-SHA256, so the public
 * callback can trust who started the consent and for which company. Format {@code base64url(json).base64url(mac)}.
 * The key is derived from the master key with a fixed label, so it is never the key that seals credentials.
 */
public final class OAuthState {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private final byte[] key;
    private final ObjectMapper json;
    private final Clock clock;

    public record Claims(String companyId, String connectedBy, String returnTo, String baseUrl, String onBehalfOf, Instant expiresAt) { }

    public OAuthState(byte[] masterKey, ObjectMapper json, Clock clock) {
        this.key = hmac(masterKey, "atsbridge/lever-oauth-state/v1".getBytes(StandardCharsets.UTF_8));
        this.json = json;
        this.clock = clock;
    }

    public String sign(String companyId, String connectedBy, String returnTo, String baseUrl, String onBehalfOf) {
        ObjectNode n = json.createObjectNode();
        n.put("c", companyId);
        n.put("by", connectedBy);
        n.put("r", returnTo);
        n.put("b", baseUrl);
        n.put("o", onBehalfOf);
        n.put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
        byte[] payload = n.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(hmac(key, payload));
    }

    /** The claims of a genuine, unexpired state; throws {@link IllegalArgumentException} with the reason otherwise. */
    public Claims verify(String state) {
        if (state == null || state.indexOf('.') < 0) {
            throw new IllegalArgumentException("the OAuth state is missing or malformed");
        }
        int dot = state.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(state.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the OAuth state is malformed");
        }
        if (!MessageDigest.isEqual(hmac(key, payload), mac)) {
            throw new IllegalArgumentException("the OAuth state signature does not match");
        }
        JsonNode n;
        try {
            n = json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the OAuth state is malformed");
        }
        Instant exp = Instant.ofEpochSecond(n.path("exp").asLong(0));
        if (!exp.isAfter(clock.instant())) {
            throw new IllegalArgumentException("the OAuth state expired: start the connection again");
        }
        return new Claims(text(n, "c"), text(n, "by"), text(n, "r"), text(n, "b"), text(n, "o"), exp);
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
