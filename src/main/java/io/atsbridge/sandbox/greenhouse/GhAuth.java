package io.atsbridge.sandbox.greenhouse;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads the key from {@code Authorization: Basic base64(key:)} (or a Bearer token) without ever echoing it. */
final class GhAuth {
    private GhAuth() { }

    record Credentials(String key, boolean bearer) { }

    static Credentials credentials(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null) {
            return null;
        }
        h = h.trim();
        if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String key = colon < 0 ? decoded : decoded.substring(0, colon);
                return key.isEmpty() ? null : new Credentials(key, false);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = h.substring(7).trim();
            return token.isEmpty() ? null : new Credentials(token, true);
        }
        return null;
    }
}
