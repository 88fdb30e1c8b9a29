package io.atsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atsbridge.core.config.StartupDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What the embedded default generates on first start, what it reuses later, and what `prod` refuses. */
class StartupDefaultsTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dir;

    private StandardEnvironment env(Map<String, Object> props, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        env.setActiveProfiles(profiles);
        new StartupDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void generatesKeyTokenAndOperatorOnceAndReusesThem() throws Exception {
        Path data = dir.resolve("data");
        StandardEnvironment first = env(Map.of("atsbridge.data-dir", data.toString()));

        String key = first.getProperty("atsbridge.security.master-key");
        String token = first.getProperty("atsbridge.api.tokens");
        String password = first.getProperty("atsbridge.operators[0].password");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(token).startsWith("atsb_").hasSizeGreaterThan(20);
        assertThat(first.getProperty("atsbridge.operators[0].name")).isEqualTo("admin");
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(first.getProperty("atsbridge.data-dir")).isEqualTo(data.toAbsolutePath().normalize().toString());
        for (String f : new String[] {"master.key", "api-token", "operator-password"}) {
            assertThat(data.resolve(f)).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(f)))).isEqualTo("rw-------");
        }

        StandardEnvironment second = env(Map.of("atsbridge.data-dir", data.toString()));
        assertThat(second.getProperty("atsbridge.security.master-key")).isEqualTo(key);
        assertThat(second.getProperty("atsbridge.api.tokens")).isEqualTo(token);
        assertThat(second.getProperty("atsbridge.operators[0].password")).isEqualTo(password);

        // another data dir is another installation: new secrets
        StandardEnvironment other = env(Map.of("atsbridge.data-dir", dir.resolve("other").toString()));
        assertThat(other.getProperty("atsbridge.security.master-key")).isNotEqualTo(key);
        assertThat(other.getProperty("atsbridge.api.tokens")).isNotEqualTo(token);
    }

    @Test
    void givenValuesWinAndNothingIsWritten() {
        Path data = dir.resolve("given");
        StandardEnvironment env = env(Map.of("atsbridge.data-dir", data.toString(), "atsbridge.security.master-key", KEY,
                "atsbridge.api.tokens[0]", "board-token", "atsbridge.operators[0].name", "ops",
                "atsbridge.operators[0].password", "ops-pass"));
        assertThat(env.getProperty("atsbridge.security.master-key")).isEqualTo(KEY);
        assertThat(env.getProperty("atsbridge.api.tokens[0]")).isEqualTo("board-token");
        assertThat(env.getProperty("atsbridge.operators[0].name")).isEqualTo("ops");
        assertThat(data).doesNotExist();
    }

    @Test
    void prodWithoutMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.api.tokens", "t"), "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ATSBRIDGE_MASTER_KEY is not set");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void prodWithoutApiTokenRefusesToStart() {
        assertThatThrownBy(() -> env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.security.master-key", KEY), "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("atsbridge.api.tokens is empty");
        // a blank list from YAML (tokens: []) counts as empty too
        assertThatThrownBy(() -> env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.security.master-key", KEY,
                "atsbridge.api.tokens", ""), "prod")).hasMessageContaining("refuses to start");
        assertThat(dir.resolve("api-token")).doesNotExist();
    }

    @Test
    void prodWithKeyAndTokenStartsAndGeneratesNoOperator() {
        StandardEnvironment env = env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.security.master-key", KEY,
                "atsbridge.api.tokens", "t1,t2"), "prod");
        assertThat(env.getProperty("atsbridge.operators[0].name")).isNull();
        assertThat(dir.resolve("operator-password")).doesNotExist();
    }

    @Test
    void routesComeFromTheWorkingDirectoryWhenPresent() {
        StandardEnvironment env = env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.security.master-key", KEY,
                "atsbridge.api.tokens", "t"));
        // surefire runs in the repository root, which has routes/
        assertThat(env.getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:" + Path.of("routes").toAbsolutePath().normalize() + "/**/*.yaml");
        StandardEnvironment elsewhere = env(Map.of("atsbridge.data-dir", dir.toString(), "atsbridge.security.master-key", KEY,
                "atsbridge.api.tokens", "t", "atsbridge.routes-dir", dir.resolve("nope").toString()));
        assertThat(elsewhere.getProperty("camel.main.routes-include-pattern")).isEqualTo("classpath:routes/**/*.yaml");
    }
}
