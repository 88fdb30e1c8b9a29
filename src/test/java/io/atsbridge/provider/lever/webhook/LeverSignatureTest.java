package io.atsbridge.provider.lever.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeverSignatureTest {
    // vector computed outside Java: python3 hmac.new(b"sig-token-one-0123456789abcdef", (token + "1431454330072").encode(), sha256)
    static final String SECRET = "sig-token-one-0123456789abcdef";
    static final String TOKEN = "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6";
    static final String TRIGGERED_AT = "1431454330072";
    static final String EXPECTED = "f4cedecc6dc3d5abad594eb6d21f5bd164dfcc36adc0bd9ccdaf06deff75c1fc";

    @Test
    void signsLikeLeversSample() {
        assertThat(LeverSignature.sign(SECRET, TOKEN, TRIGGERED_AT)).isEqualTo(EXPECTED);
    }

    @Test
    void anyOfTheTokensVerifies() {
        assertThat(LeverSignature.verify(List.of("other-token", SECRET), TOKEN, TRIGGERED_AT, EXPECTED)).isTrue();
        assertThat(LeverSignature.verify(List.of(SECRET), TOKEN, TRIGGERED_AT, EXPECTED.toUpperCase())).isTrue();
    }

    @Test
    void forgeriesFail() {
        assertThat(LeverSignature.verify(List.of("other-token"), TOKEN, TRIGGERED_AT, EXPECTED)).isFalse();
        assertThat(LeverSignature.verify(List.of(SECRET), TOKEN, "1431454330073", EXPECTED)).isFalse();
        assertThat(LeverSignature.verify(List.of(SECRET), TOKEN + "x", TRIGGERED_AT, EXPECTED)).isFalse();
        assertThat(LeverSignature.verify(List.of(), TOKEN, TRIGGERED_AT, EXPECTED)).isFalse();
        assertThat(LeverSignature.verify(List.of(SECRET), TOKEN, TRIGGERED_AT, null)).isFalse();
        assertThat(LeverSignature.verify(List.of(SECRET), TOKEN, TRIGGERED_AT, EXPECTED.substring(2))).isFalse();
    }
}
