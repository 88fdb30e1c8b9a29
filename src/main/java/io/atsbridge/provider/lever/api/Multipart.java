package io.atsbridge.provider.lever.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body: Lever requires it whenever a file travels (providers/lever.md §6.2). */
public final class Multipart {
    private final String boundary = "atsbridge-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        if (value == null) {
            return this;
        }
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\""
                + escape(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
