package io.atsbridge.provider.lever.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lever's webhook signature (providers/lever.md §7.4): lower-case hex HMAC-SHA256 keyed with the signature token over
 * {@code token + triggeredAt}. Tokens differ per webhook (sometimes per event), so any of the connection's tokens may
 * verify a delivery.
 */
public final class LeverSignature {
    private LeverSignature() { }

    public static String sign(String signatureToken, String token, String triggeredAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signatureToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((token + triggeredAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when one of {@code secrets} produced {@code signature}; compares in constant time. */
    public static boolean verify(Collection<String> secrets, String token, String triggeredAt, String signature) {
        if (secrets == null || token == null || triggeredAt == null || signature == null) {
            return false;
        }
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String s : secrets) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            // no early exit: every secret is tried, so timing does not tell which one matched
            ok |= MessageDigest.isEqual(sign(s, token, triggeredAt).getBytes(StandardCharsets.US_ASCII), given);
        }
        return ok;
    }
}
