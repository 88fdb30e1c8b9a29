package io.atsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs in CI, so this reads docker/ like a linter: every path the Dockerfile and compose.yaml
 * name must exist, the jar pattern must match what the pom builds, and ports and env names must agree with
 * application.yaml's prod profile.
 */
class DockerFilesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DOCKER = ROOT.resolve("docker");

    @Test
    void dockerfileCopiesOnlyWhatExistsAndLaysOutAppLikeTheRepositoryRoot() throws IOException {
        List<String> lines = instructions(DOCKER.resolve("Dockerfile"));
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("maven").contains("17").endsWith("AS build");
        assertThat(stages.get(1)).contains("17-jre");

        Map<String, String> fromContext = new LinkedHashMap<>();
        for (String l : lines) {
            if (l.startsWith("COPY ") && !l.contains("--from=")) {
                String[] p = l.substring(5).trim().split("\\s+");
                fromContext.put(p[0], p[p.length - 1]);
            }
        }
        // the build context is the repository root (compose: context ..)
        fromContext.keySet().forEach(src -> assertThat(ROOT.resolve(src)).as("COPY source " + src).exists());
        assertThat(fromContext).containsEntry("routes", "/app/routes").containsEntry("application.yaml", "/app/application.yaml")
                .containsKeys("pom.xml", "src");
        assertThat(ROOT.resolve("routes")).isDirectoryRecursivelyContaining("glob:**/*.yaml");

        String runtime = String.join("\n", lines.subList(lines.indexOf(stages.get(1)), lines.size()));
        assertThat(runtime).contains("WORKDIR /app").contains("COPY --from=build /atsbridge.jar /app/atsbridge.jar")
                .containsPattern("USER (?!root)\\w+").contains("SPRING_PROFILES_ACTIVE=prod")
                .containsPattern("EXPOSE 8080 8081")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/atsbridge.jar\"]");

        // the jar the build stage copies is the one the pom produces
        Matcher cp = Pattern.compile("cp target/(\\S+) /atsbridge.jar").matcher(String.join("\n", lines));
        assertThat(cp.find()).isTrue();
        String jar = artifactId() + "-" + version() + ".jar";
        assertThat(jar).matches(cp.group(1).replace(".", "\\.").replace("*", ".*"));
        assertThat((artifactId() + "-" + version() + ".jar.original")).doesNotMatch(cp.group(1).replace(".", "\\.").replace("*", ".*"));
    }

    @Test
    void healthcheckProbesLivenessOnTheProdManagementPort() throws IOException {
        String hc = instructions(DOCKER.resolve("Dockerfile")).stream().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
        Properties prod = prodProfile();
        assertThat(prod.getProperty("management.server.port")).isEqualTo("8081");
        assertThat(hc).contains("http://localhost:" + prod.getProperty("management.server.port") + "/actuator/health/liveness");
        assertThat(prod.getProperty("management.endpoint.health.probes.enabled", baseProfile().getProperty("management.endpoint.health.probes.enabled")))
                .isEqualTo("true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeBuildsFromTheRootAndFeedsEveryVariableTheProdProfileReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> hub = (Map<String, Object>) services.get("hub");
        assertThat((String) db.get("image")).startsWith("postgres:17");
        assertThat(db).containsKeys("healthcheck", "volumes");

        Map<String, Object> build = (Map<String, Object>) hub.get("build");
        Path context = DOCKER.resolve((String) build.get("context")).normalize();
        assertThat(context).isEqualTo(ROOT.normalize());
        assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
        assertThat(hub.get("env_file")).isEqualTo(".env");
        assertThat((Map<String, Object>) ((Map<String, Object>) hub.get("depends_on")).get("db")).containsEntry("condition", "service_healthy");

        Map<String, Object> env = (Map<String, Object>) hub.get("environment");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsEntry("DATABASE_URL", "jdbc:postgresql://db:5432/atsbridge");

        // every ${VAR} the prod datasource reads is given, either in compose or in the .env template
        Properties example = new Properties();
        example.load(Files.newBufferedReader(DOCKER.resolve(".env.example")));
        List<String> given = new ArrayList<>(env.keySet());
        example.stringPropertyNames().forEach(given::add);
        Properties prod = prodProfile();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+):").matcher(prod.getProperty(key));
            assertThat(m.find()).as(key).isTrue();
            assertThat(given).as(key + " reads " + m.group(1)).contains(m.group(1));
        }
        assertThat(example.stringPropertyNames()).contains("ATSBRIDGE_MASTER_KEY", "ATSBRIDGE_API_TOKENS", "ATSBRIDGE_PUBLIC_BASE_URL",
                "ATSBRIDGE_OPERATORS_0_NAME", "ATSBRIDGE_OPERATORS_0_PASSWORD", "DATABASE_USER", "DATABASE_PASSWORD");
        // the template carries no secret values
        assertThat(example.getProperty("ATSBRIDGE_MASTER_KEY")).isEmpty();
        assertThat(example.getProperty("ATSBRIDGE_API_TOKENS")).isEmpty();
        assertThat(example.getProperty("DATABASE_PASSWORD")).isEmpty();

        // the commented clustering example stays in the file
        assertThat(Files.readString(DOCKER.resolve("compose.yaml"))).contains("# hub2:");
        assertThat(Files.readString(DOCKER.resolve(".gitignore"))).contains(".env");
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(Path file) throws IOException {
        String joined = Files.readAllLines(file).stream().filter(l -> !l.trim().startsWith("#"))
                .collect(Collectors.joining("\n")).replaceAll("\\\\\\n\\s*", " ");
        return joined.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static Properties prodProfile() {
        YamlPropertiesFactoryBean f = new YamlPropertiesFactoryBean();
        f.setResources(new FileSystemResource(ROOT.resolve("application.yaml")));
        f.setDocumentMatchers(p -> "prod".equals(p.getProperty("spring.config.activate.on-profile"))
                ? org.springframework.beans.factory.config.YamlProcessor.MatchStatus.FOUND
                : org.springframework.beans.factory.config.YamlProcessor.MatchStatus.NOT_FOUND);
        f.setMatchDefault(false);
        return f.getObject();
    }

    private static Properties baseProfile() {
        YamlPropertiesFactoryBean f = new YamlPropertiesFactoryBean();
        f.setResources(new FileSystemResource(ROOT.resolve("application.yaml")));
        f.setDocumentMatchers(p -> p.containsKey("spring.config.activate.on-profile")
                ? org.springframework.beans.factory.config.YamlProcessor.MatchStatus.NOT_FOUND
                : org.springframework.beans.factory.config.YamlProcessor.MatchStatus.FOUND);
        return f.getObject();
    }

    private static String artifactId() {
        return pom("artifactId");
    }

    private static String version() {
        return pom("version");
    }

    private static String pom(String element) {
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
            var children = doc.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (element.equals(children.item(i).getNodeName())) {
                    return children.item(i).getTextContent().trim();
                }
            }
            throw new IllegalStateException("pom.xml has no " + element);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
