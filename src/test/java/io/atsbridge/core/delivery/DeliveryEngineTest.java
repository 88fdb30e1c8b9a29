package io.atsbridge.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.testsupport.ApiClient;
import io.atsbridge.testsupport.EngineTestBase;
import io.atsbridge.testsupport.FakeAts.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "atsbridge.delivery.max-attempts=6")
public class DeliveryEngineTest extends EngineTestBase {

    private Map<String, Object> candidate(String email) {
        return Map.of("firstName", "Casey", "lastName", "Doe", "emails", List.of(email));
    }

    private ApiClient.Response export(String boardCandidateId, Object body) {
        return api.call("POST", "/api/v1/companies/" + company + "/candidates/" + boardCandidateId + "/exports", body);
    }

    @Test
    void everyKindOfTransientFailureEndsInExactlyOneCreate() {
        ats.faults.addAll(List.of(Fault.TIMEOUT, Fault.SERVER_ERROR, Fault.RATE_LIMITED, Fault.COMMIT_THEN_LOSE));
        ApiClient.Response r = export("c1", candidate("casey@example.com"));
        assertThat(r.status()).isEqualTo(202);
        JsonNode d = awaitDelivery(r.body().get("deliveryId").asText(), "delivered");
        assertThat(d.get("attempts").asInt()).isEqualTo(5);
        assertThat(d.at("/atsRefs/atsCandidateId").asText()).isEqualTo("p1");
        assertThat(ats.creates.get()).isEqualTo(1);
        assertThat(ats.peopleByEmail).containsOnlyKeys("casey@example.com");
        assertThat(jdbc.queryForObject("select ats_candidate_id from candidate_ref where board_candidate_id = 'c1' and company_id = ?",
                String.class, company)).isEqualTo("p1");
    }

    @Test
    void theSameRequestIsTheSameDeliveryAndAChangedOneIsAConflict() {
        ApiClient.Response a = export("c2", candidate("a@example.com"));
        ApiClient.Response b = export("c2", candidate("a@example.com"));
        assertThat(b.status()).isEqualTo(202);
        assertThat(b.body().get("deliveryId").asText()).isEqualTo(a.body().get("deliveryId").asText());
        assertThat(b.body().get("duplicate").asBoolean()).isTrue();
        ApiClient.Response c = export("c2", candidate("other@example.com"));
        assertThat(c.status()).isEqualTo(409);
        assertThat(c.body().get("error").asText()).isEqualTo("conflict");
        awaitDelivery(a.body().get("deliveryId").asText(), "delivered");
        assertThat(ats.creates.get()).isEqualTo(1);
    }

    @Test
    void aRefusalFailsAtOnceWithTheAtsReason() {
        ats.faults.add(Fault.REFUSED);
        ApiClient.Response r = export("c3", candidate("x@example.com"));
        JsonNode d = awaitDelivery(r.body().get("deliveryId").asText(), "failed");
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(d.get("lastError").asText()).isEqualTo("email is invalid");
        assertThat(ats.creates.get()).isZero();
    }

    @Test
    void retriesRunOutIntoDeadWithAnEventAndAReplayDelivers() {
        for (int i = 0; i < 6; i++) {
            ats.faults.add(Fault.SERVER_ERROR);
        }
        ApiClient.Response r = export("c4", candidate("dead@example.com"));
        String id = r.body().get("deliveryId").asText();
        JsonNode d = awaitDelivery(id, "dead");
        assertThat(d.get("attempts").asInt()).isEqualTo(6);
        assertThat(eventCount("delivery.dead")).isEqualTo(1);
        ApiClient.Response retry = api.call("POST", "/api/v1/deliveries/" + id + "/retry", null);
        assertThat(retry.status()).isEqualTo(202);
        awaitDelivery(id, "delivered");
        assertThat(ats.creates.get()).isEqualTo(1);
        assertThat(api.call("POST", "/api/v1/deliveries/" + id + "/retry", null).status()).isEqualTo(409);
    }

    @Test
    void retryAfterIsHonoured() {
        ats.retryAfter = java.time.Duration.ofMillis(700);
        ats.faults.add(Fault.RATE_LIMITED);
        long t0 = System.nanoTime();
        ApiClient.Response r = export("c5", candidate("slow@example.com"));
        awaitDelivery(r.body().get("deliveryId").asText(), "delivered");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(700);
    }

    @Test
    void badInputIsA400NamingTheField() {
        ApiClient.Response r = export("c6", Map.of("firstName", "A", "lastName", "B", "emails", List.of("not-an-email")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("field").asText()).isEqualTo("emails");
        r = export("c6", Map.of("lastName", "B", "emails", List.of("a@b.c")));
        assertThat(r.body().get("field").asText()).isEqualTo("firstName");
        assertThat(api.call("GET", "/api/v1/deliveries/nope", null).status()).isEqualTo(404);
    }

    @Test
    void anApplicationOnAnUnlinkedJobIsNotExported() {
        Map<String, Object> app = Map.of("boardApplicationId", "a1", "boardJobId", "bj1",
                "candidate", Map.of("boardCandidateId", "c7", "firstName", "A", "lastName", "B", "emails", List.of("a7@example.com")));
        ApiClient.Response r = api.call("POST", "/api/v1/companies/" + company + "/applications", app);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("exported").asBoolean()).isFalse();
        assertThat(ats.calls.get()).isZero();
    }
}
