package io.atsbridge.sandbox.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small multipart/form-data reader for the simulators. They parse bodies themselves (see
 * {@link RawMultipartFilter}) so their own size rules apply (Lever: 30 MB files) instead of the application's
 * servlet multipart limits.
 */
public final class Multipart {
    /** One part; {@code filename} is null for plain fields. */
    public record Part(String name, String filename, String contentType, byte[] bytes) {
        public String text() { return new String(bytes, StandardCharsets.UTF_8); }
        public boolean isFile() { return filename != null; }
    }

    /** The body was larger than allowed. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) { super("multipart body larger than " + limit + " bytes"); }
    }

    private Multipart() { }

    public static String boundary(String contentType) {
        if (contentType == null) return null;
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9);
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** Reads at most {@code limit} bytes (throws {@link TooLarge} beyond, after draining what the client sent). */
    public static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        boolean over = false;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                over = true; // keep reading so the client gets our answer instead of a reset
                continue;
            }
            out.write(buf, 0, n);
        }
        if (over) throw new TooLarge(limit);
        return out.toByteArray();
    }

    public static List<Part> parse(byte[] body, String boundary) throws IOException {
        if (boundary == null || boundary.isEmpty()) throw new IOException("multipart boundary missing");
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delim, 0);
        if (pos < 0) throw new IOException("multipart boundary not found");
        while (true) {
            int after = pos + delim.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') break; // closing delimiter
            int headerStart = skipCrlf(body, after);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) throw new IOException("malformed multipart part headers");
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            int dataStart = headerEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int dataEnd = indexOf(body, next, dataStart);
            if (dataEnd < 0) throw new IOException("unterminated multipart part");
            String name = null;
            String filename = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    name = param(line, "name");
                    filename = param(line, "filename");
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            byte[] data = new byte[dataEnd - dataStart];
            System.arraycopy(body, dataStart, data, 0, data.length);
            if (name != null) parts.add(new Part(name, filename, type, data));
            pos = dataEnd + 2;
        }
        return parts;
    }

    private static String param(String header, String key) {
        for (String p : header.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String v = t.substring(eq + 1).trim();
                return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int skipCrlf(byte[] b, int i) {
        return i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n' ? i + 2 : i;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
