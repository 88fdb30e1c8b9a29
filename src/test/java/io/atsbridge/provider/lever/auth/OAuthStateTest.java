package io.atsbridge.provider.lever.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthStateTest {
    static final byte[] KEY = new byte[32];
    static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final OAuthState state = new OAuthState(KEY, json, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void roundTrips() {
        String s = state.sign("co-1", "admin@co.example", "https://board.example/settings?tab=ats", "http://localhost:1/sandbox/lever", null);
        OAuthState.Claims c = state.verify(s);
        assertThat(c.companyId()).isEqualTo("co-1");
        assertThat(c.connectedBy()).isEqualTo("admin@co.example");
        assertThat(c.returnTo()).isEqualTo("https://board.example/settings?tab=ats");
        assertThat(c.baseUrl()).isEqualTo("http://localhost:1/sandbox/lever");
        assertThat(c.onBehalfOf()).isNull();
        assertThat(c.expiresAt()).isEqualTo(NOW.plus(OAuthState.LIFETIME));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String s = state.sign("co-1", "a", "https://b.example", null, null);
        String payload = new String(Base64.getUrlDecoder().decode(s.substring(0, s.indexOf('.'))));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("co-1", "co-2").getBytes()) + s.substring(s.indexOf('.'));
        assertThatThrownBy(() -> state.verify(forged)).hasMessageContaining("signature");
        assertThatThrownBy(() -> state.verify("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state.verify(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyDoesNotVerify() {
        byte[] other = new byte[32];
        other[0] = 1;
        String s = new OAuthState(other, json, Clock.fixed(NOW, ZoneOffset.UTC)).sign("co-1", "a", "https://b.example", null, null);
        assertThatThrownBy(() -> state.verify(s)).hasMessageContaining("signature");
    }

    @Test
    void expiredStateIsRefused() {
        String s = state.sign("co-1", "a", "https://b.example", null, null);
        OAuthState later = new OAuthState(KEY, json, Clock.fixed(NOW.plus(OAuthState.LIFETIME).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(s)).hasMessageContaining("expired");
    }
}
