package io.atsbridge.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final CredentialCipher cipher = new CredentialCipher(KEY);

    @Test
    void roundTripsAndNeverShowsThePlaintext() {
        String sealed = cipher.encrypt("{\"apiKey\":\"sandbox-secret\"}", "acme");
        assertThat(sealed).startsWith("v1:").doesNotContain("sandbox-secret");
        assertThat(cipher.decrypt(sealed, "acme")).isEqualTo("{\"apiKey\":\"sandbox-secret\"}");
        assertThat(cipher.encrypt("x", "acme")).isNotEqualTo(cipher.encrypt("x", "acme")); // fresh IV each time
    }

    @Test
    void aCiphertextMovedToAnotherCompanyDoesNotDecrypt() {
        String sealed = cipher.encrypt("secret", "acme");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "globex")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyCannotRead() {
        String sealed = cipher.encrypt("secret", "acme");
        CredentialCipher other = new CredentialCipher("Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
        assertThatThrownBy(() -> other.decrypt(sealed, "acme")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new CredentialCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
