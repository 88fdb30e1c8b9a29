package io.atsbridge.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills in what the embedded default needs and {@code prod} must be given: the data dir (made absolute), the
 * master key, the board API token and an operator login. In {@code prod} a missing master key or API token stops
 * the start; elsewhere they are generated once into the data dir and announced once on stderr (never logged later).
 * Also chooses where the YAML routes come from: {@code ./routes} when present, else the copy in the jar.
 */
public class StartupDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "atsbridgeStartupDefaults";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yaml and the command line are loaded
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        boolean prod = Arrays.asList(env.getActiveProfiles()).contains("prod");
        Map<String, Object> out = new HashMap<>();
        Path dataDir = Path.of(env.getProperty("atsbridge.data-dir", "data")).toAbsolutePath().normalize();
        out.put("atsbridge.data-dir", dataDir.toString());

        if (!env.containsProperty("camel.main.routes-include-pattern")) {
            String dir = env.getProperty("atsbridge.routes-dir", "routes");
            out.put("camel.main.routes-include-pattern", Files.isDirectory(Path.of(dir))
                    ? "file:" + Path.of(dir).toAbsolutePath().normalize() + "/**/*.yaml"
                    : "classpath:routes/**/*.yaml");
        }

        String masterKey = env.getProperty("atsbridge.security.master-key", "");
        if (masterKey.isBlank()) {
            if (prod) {
                throw new IllegalStateException("ATSBRIDGE_MASTER_KEY is not set: the prod profile refuses to start "
                        + "without the key that encrypts stored credentials (32 random bytes, base64)");
            }
            out.put("atsbridge.security.master-key",
                    readOrCreate(dataDir.resolve("master.key"), () -> randomBase64(32), "master key (encrypts stored ATS credentials)", false));
        }

        if (!env.containsProperty("atsbridge.api.tokens[0]") && env.getProperty("atsbridge.api.tokens", "").isBlank()) {
            if (prod) {
                throw new IllegalStateException("atsbridge.api.tokens is empty: the prod profile refuses to start "
                        + "without at least one board API token");
            }
            out.put("atsbridge.api.tokens", readOrCreate(dataDir.resolve("api-token"),
                    () -> "atsb_" + randomUrlSafe(24), "board API token", true));
        }

        if (!prod && !env.containsProperty("atsbridge.operators[0].name")) {
            out.put("atsbridge.operators[0].name", "admin");
            out.put("atsbridge.operators[0].password", readOrCreate(dataDir.resolve("operator-password"),
                    () -> randomUrlSafe(15), "Hawtio operator password for user 'admin'", true));
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, out));
    }

    private static String readOrCreate(Path file, java.util.function.Supplier<String> gen, String what, boolean announce) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String value = gen.get();
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: the data dir's own permissions protect it
            }
            // printed once, at generation, straight to the console: never through the logging system
            System.err.println("atsbridge: generated " + what + " in " + file
                    + (announce ? ": " + value : " (keep it: without it stored credentials cannot be read)"));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
    }

    static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
