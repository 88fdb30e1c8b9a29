package io.atsbridge.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.atsbridge.testsupport.EngineTestBase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events pushed to the board's callback URL: signed, through the outbox, retried when the board is down. */
class BoardCallbackTest extends EngineTestBase {
    private static final String SECRET = "board-callback-secret";
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final HttpServer BOARD = start();

    private static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/callbacks", x -> {
                byte[] body = x.getRequestBody().readAllBytes();
                int status = FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
                if (status == 200) {
                    RECEIVED.add(new String[] {new String(body, StandardCharsets.UTF_8), x.getRequestHeaders().getFirst("X-Atsbridge-Signature")});
                }
                x.sendResponseHeaders(status, -1);
                x.close();
            });
            s.start();
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void callback(DynamicPropertyRegistry r) {
        r.add("atsbridge.board.callback-url", () -> "http://127.0.0.1:" + BOARD.getAddress().getPort() + "/callbacks");
        r.add("atsbridge.board.callback-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        BOARD.stop(0);
    }

    @Test
    void everyEventIsPushedSignedAndRetriedWhenTheBoardIsDown() throws Exception {
        FAIL_NEXT.set(2);
        ats.jobs.add(new io.atsbridge.core.model.Job("j1", "Job 1", null, null, null, io.atsbridge.core.model.JobState.OPEN, null, null, null));
        api.call("POST", "/api/v1/companies/" + company + "/syncs", null);
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVED.stream().anyMatch(r -> r[0].contains("\"job.created\"") && r[0].contains(company)));
        String[] got = RECEIVED.stream().filter(r -> r[0].contains("\"job.created\"") && r[0].contains(company)).findFirst().orElseThrow();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(got[0].getBytes(StandardCharsets.UTF_8)));
        assertThat(got[1]).isEqualTo(expected);
        JsonNode event = new ObjectMapper().readTree(got[0]);
        assertThat(event.get("type").asText()).isEqualTo("job.created");
        assertThat(event.get("companyId").asText()).isEqualTo(company);
        assertThat(event.at("/data/atsJobId").asText()).isEqualTo("j1");
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'board.callback' and status = 'delivered'", Integer.class))
                .isGreaterThanOrEqualTo(1);
    }
}
