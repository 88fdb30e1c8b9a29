package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook bodies the way Greenhouse (Rails) writes them: compact JSON with {@code < > &} as lower-case
 * {@code \u003c \u003e \u0026} (and U+2028/U+2029 escaped), other non-ASCII left as UTF-8; signed over exactly those bytes.
 */
final class GhJson {
    static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper RAILS = new ObjectMapper();

    static {
        RAILS.getFactory().setCharacterEscapes(new RailsEscapes());
    }

    private GhJson() { }

    static byte[] webhookBody(Object body) {
        try {
            return RAILS.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload not serialisable", e);
        }
    }

    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256 " + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Entity-escapes HTML the way the Job Board API returns {@code content} ({@code &lt;p&gt;...}). */
    static String entityEscape(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(html.length() + 32);
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final class RailsEscapes extends CharacterEscapes {
        private final int[] ascii;

        RailsEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> new SerializedString("\\u003c");
                case '>' -> new SerializedString("\\u003e");
                case '&' -> new SerializedString("\\u0026");
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
