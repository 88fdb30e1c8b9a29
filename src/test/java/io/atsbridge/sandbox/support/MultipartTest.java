package io.atsbridge.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {
    private static final String BODY = "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"emails[]\"\r\n\r\n"
            + "a@example.com\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"resumeFile\"; filename=\"cv.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n"
            + "%PDF\r\n--not-the-boundary\r\n"
            + "--XyZ--\r\n";

    @Test
    void readsFieldsAndFilesWithCrLfInsideTheFile() throws IOException {
        List<Multipart.Part> parts = Multipart.parse(BODY.getBytes(StandardCharsets.UTF_8),
                Multipart.boundary("multipart/form-data; boundary=\"XyZ\""));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("emails[]");
        assertThat(parts.get(0).text()).isEqualTo("a@example.com");
        assertThat(parts.get(0).isFile()).isFalse();
        assertThat(parts.get(1).filename()).isEqualTo("cv.pdf");
        assertThat(parts.get(1).contentType()).isEqualTo("application/pdf");
        assertThat(parts.get(1).text()).isEqualTo("%PDF\r\n--not-the-boundary");
    }

    @Test
    void refusesMalformedAndOversizedBodies() {
        assertThatThrownBy(() -> Multipart.parse("no boundary here".getBytes(StandardCharsets.UTF_8), "XyZ"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Multipart.parse(BODY.getBytes(StandardCharsets.UTF_8), null)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Multipart.readLimited(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(Multipart.TooLarge.class);
    }
}
