package io.atsbridge.provider.greenhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Raw bytes of {@code src/test/resources/fixtures/greenhouse/provider/*}: webhook bodies exactly as Greenhouse signs them. */
public final class Fixtures {
    private Fixtures() { }

    public static byte[] bytes(String name) {
        String path = "/fixtures/greenhouse/provider/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
