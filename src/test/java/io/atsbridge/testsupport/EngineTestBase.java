package io.atsbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A running application with the test provider; each test connects its own company. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestProvider.class)
public abstract class EngineTestBase {
    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient api;
    protected FakeAts ats = TestProvider.ATS;
    protected String company;
    protected JsonNode connection;

    @BeforeEach
    void connectCompany() {
        api = new ApiClient(port);
        ats.reset();
        company = "co-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response r = api.call("PUT", "/api/v1/companies/" + company + "/connection",
                Map.of("provider", "test", "apiKey", "good", "connectedBy", "admin@" + company + ".example"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        connection = r.body();
        // the first import starts at connect: let it finish before the test drives its own
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from sync_run where company_id = ? and active_connection_id is null", Integer.class, company) >= 0
                && jdbc.queryForObject("select count(*) from sync_run where company_id = ? and active_connection_id is not null", Integer.class, company) == 0);
    }

    protected JsonNode awaitDelivery(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.call("GET", "/api/v1/deliveries/" + id, null).body(), b -> status.equals(b.path("status").asText()));
    }

    protected JsonNode events() {
        return api.call("GET", "/api/v1/companies/" + company + "/events?after=0&limit=1000", null).body().get("events");
    }

    protected long eventCount(String type) {
        long n = 0;
        for (JsonNode e : events()) {
            if (type.equals(e.path("type").asText())) {
                n++;
            }
        }
        return n;
    }
}
