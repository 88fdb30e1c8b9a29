package io.atsbridge.provider.greenhouse.mapping;

import org.springframework.web.util.HtmlUtils;

/**
 * Decodes HTML character references exactly once: the Job Board API sends {@code content} entity-encoded
 * ({@code &lt;p&gt;}), so one pass gives the HTML; a second pass would corrupt text that shows a literal
 * {@code &amp;lt;}. Numeric references are decoded here; named ones through Spring's HTML 4 table (plus
 * {@code &apos;}). Anything that is not a complete, known reference stays as it is.
 */
public final class HtmlEntities {
    private static final int MAX_REFERENCE = 32;

    private HtmlEntities() { }

    public static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i <= MAX_REFERENCE) {
                    String decoded = decode(s.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The text of one reference (between {@code &} and {@code ;}), or null when it is not a valid one. */
    private static String decode(String ref) {
        if (ref.charAt(0) == '#') {
            boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
            String digits = ref.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(ch -> hex ? Character.digit(ch, 16) >= 0 : ch >= '0' && ch <= '9')) {
                return null;
            }
            int cp = Integer.parseInt(digits, hex ? 16 : 10);
            if (cp == 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            return new String(Character.toChars(cp));
        }
        for (int k = 0; k < ref.length(); k++) {
            if (!Character.isLetterOrDigit(ref.charAt(k))) {
                return null;
            }
        }
        if (ref.equals("apos")) {
            return "'";
        }
        String reference = "&" + ref + ";";
        String decoded = HtmlUtils.htmlUnescape(reference);
        return decoded.equals(reference) ? null : decoded;
    }
}
