package io.atsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.AtsBridgeApplication;
import io.atsbridge.db.PostgresSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in the `prod` profile on a real PostgreSQL: Flyway creates the Quartz tables, Quartz runs
 * clustered on them, the actuator and consoles live on their own port behind the operator login.
 * Key, token and operator are inline properties because StartupDefaults checks them before the context exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "atsbridge.security.master-key=" + ProdProfileIT.KEY,
        "atsbridge.api.tokens=prod-token",
        "atsbridge.operators[0].name=ops",
        "atsbridge.operators[0].password=ops-pass",
        "atsbridge.sandbox.enabled=false",
        "atsbridge.data-dir=target/prod-it-data",
        "atsbridge.jobs.tick-cron=0 0 0 1 1 ? 2099"})
@ActiveProfiles("prod")
// closed after this class, while PostgreSQL still runs: at JVM exit Quartz and Hikari would wait on a stopped server
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProdProfileIT {
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final PostgresSupport.Database DB = PostgresSupport.newDatabase();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", DB::jdbcUrl);
        r.add("spring.datasource.username", DB::user);
        r.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnPostgresWithAClusteredQuartzJobStore() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(scheduler.isStarted()).isTrue();
        // the job-import tick is persisted in Flyway's qrtz_ tables, and this instance checks in there
        assertThat(jdbc.queryForObject("select count(*) from qrtz_cron_triggers where sched_name = ?", Integer.class,
                scheduler.getSchedulerName())).isPositive();
        assertThat(jdbc.queryForList("select instance_name from qrtz_scheduler_state", String.class))
                .contains(scheduler.getSchedulerInstanceId());
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '2' and success", Integer.class)).isEqualTo(1);
    }

    @Test
    void healthIsUpOnTheManagementPortWithoutLogin() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = get(managementPort, path, null);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void consolesNeedALoginOnTheManagementPortAndAreNotOnTheMainPort() throws Exception {
        for (String path : List.of("/actuator/hawtio", "/actuator/jolokia", "/actuator/jolokia/version")) {
            assertThat(get(managementPort, path, null).statusCode()).as("management " + path).isIn(401, 302);
            assertThat(get(managementPort, path, "Bearer prod-token").statusCode()).as("management " + path + " board token").isIn(401, 302);
            assertThat(get(port, path, null).statusCode()).as("main " + path).isIn(401, 302, 404);
        }
        HttpResponse<String> version = get(managementPort, "/actuator/jolokia/version", basic("ops:ops-pass"));
        assertThat(version.statusCode()).as(version.body()).isEqualTo(200);
        assertThat(JSON.readTree(version.body()).path("value").path("agent").asText()).isNotBlank();
        // on the main port the operator gets nothing: the consoles moved
        assertThat(get(port, "/actuator/jolokia/version", basic("ops:ops-pass")).statusCode()).isEqualTo(404);
        HttpResponse<String> auth = get(managementPort, "/actuator/hawtio/auth/config", basic("ops:ops-pass"));
        assertThat(auth.statusCode()).isEqualTo(200);
        assertThat(auth.body()).contains("Spring Security");
    }

    @Test
    void boardApiWorksWithTheProdTokenAndTheSandboxIsOff() throws Exception {
        HttpResponse<String> r = get(port, "/api/v1/providers", "Bearer prod-token");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode providers = JSON.readTree(r.body()).path("providers");
        assertThat(providers.isArray()).isTrue();
        assertThat(get(port, "/api/v1/providers", "Bearer test-token").statusCode()).isEqualTo(401);
        assertThat(get(port, "/sandbox/lever/v1/postings", "Bearer sandbox-x").statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseJoinsTheCluster() throws Exception {
        // command-line arguments: SpringApplicationBuilder.properties() are defaults, which application.yaml outranks
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AtsBridgeApplication.class).profiles("prod")
                .run(Stream.of("server.port=0", "management.server.port=0", "atsbridge.security.master-key=" + KEY,
                        "atsbridge.api.tokens=prod-token", "atsbridge.operators[0].name=ops", "atsbridge.operators[0].password=ops-pass",
                        "atsbridge.data-dir=target/prod-it-data-2", "atsbridge.jobs.tick-cron=0 0 0 1 1 ? 2099",
                        "spring.datasource.url=" + DB.jdbcUrl(), "spring.datasource.username=" + DB.user(), "spring.datasource.password=",
                        "spring.jmx.enabled=false", "camel.main.jmx-enabled=false").map(a -> "--" + a).toArray(String[]::new))) {
            Scheduler other = second.getBean(Scheduler.class);
            assertThat(other.getMetaData().isJobStoreClustered()).isTrue();
            assertThat(other.getSchedulerName()).isEqualTo(scheduler.getSchedulerName());
            assertThat(other.getSchedulerInstanceId()).isNotEqualTo(scheduler.getSchedulerInstanceId());
            assertThat(jdbc.queryForList("select instance_name from qrtz_scheduler_state where sched_name = ?", String.class,
                    scheduler.getSchedulerName())).contains(scheduler.getSchedulerInstanceId(), other.getSchedulerInstanceId());
            // one shared trigger, not one per instance: a tick fires on one instance only
            assertThat(jdbc.queryForObject("select count(*) from qrtz_cron_triggers where sched_name = ?", Integer.class,
                    scheduler.getSchedulerName())).isEqualTo(jdbc.queryForObject(
                    "select count(distinct trigger_name) from qrtz_cron_triggers where sched_name = ?", Integer.class, scheduler.getSchedulerName()));
        }
    }

    private HttpResponse<String> get(int p, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + p + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }
}
