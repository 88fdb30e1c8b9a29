package io.atsbridge.provider.greenhouse.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Greenhouse webhook signatures (fact sheet §4.2): {@code Signature: sha256 <hex>}, the lower-case hex HMAC-SHA256 of
 * the <em>raw</em> body bytes keyed with the webhook's secret. Never over re-serialized JSON: Greenhouse escapes
 * {@code <>&} as {@code \u003c}…, which a parser does not give back.
 */
public final class SignatureVerifier {
    public static final String HEADER = "Signature";
    private static final String ALGORITHM = "sha256";

    private SignatureVerifier() { }

    /** Why the signature is not acceptable, or null when one of the secrets verifies it. */
    public static String check(String header, byte[] body, List<String> secrets) {
        if (header == null || header.isBlank()) {
            return "missing Signature header";
        }
        String h = header.trim();
        int space = h.indexOf(' ');
        if (space < 0) {
            return "malformed Signature header (expected 'sha256 <hex>')";
        }
        String algorithm = h.substring(0, space);
        String given = h.substring(space + 1).trim().toLowerCase(Locale.ROOT);
        if (!ALGORITHM.equalsIgnoreCase(algorithm)) {
            return "unsupported signature algorithm " + (algorithm.length() > 20 ? algorithm.substring(0, 20) + "…" : algorithm);
        }
        if (secrets == null || secrets.isEmpty()) {
            return "no webhook secret is configured for this connection";
        }
        byte[] givenBytes = given.getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            byte[] expected = hmacHex(secret, body).getBytes(StandardCharsets.US_ASCII);
            // constant time, and every secret is tried so timing does not tell which one matched
            ok |= MessageDigest.isEqual(expected, givenBytes);
        }
        return ok ? null : "signature does not match";
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} keyed with {@code secret}. */
    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The dedupe key of a delivery that came without a Greenhouse-Event-ID. */
    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
