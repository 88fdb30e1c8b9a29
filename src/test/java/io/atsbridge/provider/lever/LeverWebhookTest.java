package io.atsbridge.provider.lever;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.Credentials;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.provider.lever.api.LeverWebhookEvent;
import io.atsbridge.provider.lever.mapping.WebhookMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook verification and translation on recorded-shape fixtures (signatures computed with Python's hmac). */
class LeverWebhookTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final LeverProvider provider = new LeverProvider(null, null, null, JSON);

    static ConnectionContext ctx(String... secrets) {
        return new ConnectionContext("con-1", "co-1", "lever", null, null,
                new Credentials("k", null, null, null, null, null, List.of(secrets)), null, Map.of(), null);
    }

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = LeverWebhookTest.class.getResourceAsStream("/fixtures/lever/provider/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void genuineDeliveryIsValidAndDedupedOnItsSignedToken() throws Exception {
        WebhookCheck c = provider.verifyWebhook(ctx("unrelated", "sig-token-one-0123456789abcdef"), new WebhookRequest(Map.of(), fixture("webhook-stage-change.json")));
        assertThat(c.valid()).isTrue();
        assertThat(c.dedupeKey()).startsWith("token:").doesNotContain("evt-7f1c");
        assertThat(c.eventType()).isEqualTo("candidateStageChange");
    }

    @Test
    void forgedOrUnsignedDeliveriesAreRefused() throws Exception {
        assertThat(provider.verifyWebhook(ctx("wrong-token"), new WebhookRequest(Map.of(), fixture("webhook-stage-change.json"))).valid()).isFalse();
        String tampered = new String(fixture("webhook-stage-change.json"), StandardCharsets.UTF_8).replace("1431454330072", "1431454330099");
        assertThat(provider.verifyWebhook(ctx("sig-token-one-0123456789abcdef"), new WebhookRequest(Map.of(), tampered.getBytes(StandardCharsets.UTF_8))).valid()).isFalse();
        assertThat(provider.verifyWebhook(ctx("sig-token-one-0123456789abcdef"), new WebhookRequest(Map.of(), "{\"event\":\"x\"}".getBytes())).valid()).isFalse();
        assertThat(provider.verifyWebhook(ctx("sig-token-one-0123456789abcdef"), new WebhookRequest(Map.of(), "not json".getBytes())).valid()).isFalse();
        assertThat(provider.verifyWebhook(ctx(), new WebhookRequest(Map.of(), fixture("webhook-stage-change.json"))).valid()).isFalse();
    }

    @Test
    void signedPingIsValidAndGivesNoSignals() throws Exception {
        byte[] ping = fixture("webhook-ping.json");
        WebhookCheck c = provider.verifyWebhook(ctx("sig-token-one-0123456789abcdef"), new WebhookRequest(Map.of(), ping));
        assertThat(c.valid()).isTrue();
        assertThat(c.dedupeKey()).isNotBlank(); // no id: the per-delivery token
        assertThat(WebhookMapper.toSignals(JSON.readValue(ping, LeverWebhookEvent.class), lookups())).isEmpty();
    }

    @Test
    void stageChangeResolvesTheStageName() throws Exception {
        List<AtsSignal> s = WebhookMapper.toSignals(JSON.readValue(fixture("webhook-stage-change.json"), LeverWebhookEvent.class), lookups());
        assertThat(s).singleElement().isInstanceOfSatisfying(AtsSignal.Status.class, st -> {
            assertThat(st.kind()).isEqualTo(Kind.STAGE);
            assertThat(st.atsCandidateId()).isEqualTo("opp-1");
            assertThat(st.atsApplicationId()).isEqualTo("opp-1");
            assertThat(st.stageId()).isEqualTo("c2b5a1e0-0000-4000-8000-000000000001");
            assertThat(st.stageName()).isEqualTo("Phone Screen");
            assertThat(st.occurredAt().toEpochMilli()).isEqualTo(1431454330072L);
        });
    }

    @Test
    void archiveReasonTypeDecidesHiredOrRejected() throws Exception {
        LeverWebhookEvent e = JSON.readValue(fixture("webhook-archive.json"), LeverWebhookEvent.class);
        assertThat(kind(e, "non-hired")).isEqualTo(Kind.REJECTED);
        assertThat(kind(e, "hired")).isEqualTo(Kind.HIRED);
        String unarchive = "{\"event\":\"candidateArchiveChange\",\"triggeredAt\":1,\"data\":{\"opportunityId\":\"o\",\"toArchived\":null,\"fromArchived\":{\"reason\":\"r\"}}}";
        assertThat(kind(JSON.readValue(unarchive, LeverWebhookEvent.class), "hired")).isEqualTo(Kind.UNREJECTED);
    }

    @Test
    void otherEvents() throws Exception {
        assertThat(kind(event("candidateHired"), null)).isEqualTo(Kind.HIRED);
        assertThat(kind(event("candidateDeleted"), null)).isEqualTo(Kind.WITHDRAWN);
        assertThat(kind(event("applicationCreated"), null)).isEqualTo(Kind.CREATED);
        assertThat(WebhookMapper.toSignals(event("interviewCreated"), lookups())).isEmpty();
    }

    private static LeverWebhookEvent event(String type) throws Exception {
        return JSON.readValue("{\"event\":\"" + type + "\",\"triggeredAt\":5,\"data\":{\"opportunityId\":\"o9\",\"candidateId\":\"o9\",\"applicationId\":\"a9\"}}",
                LeverWebhookEvent.class);
    }

    private static Kind kind(LeverWebhookEvent e, String reasonType) throws Exception {
        List<AtsSignal> s = WebhookMapper.toSignals(e, new WebhookMapper.Lookups() {
            @Override public String stageName(String id) { return null; }
            @Override public String archiveReasonType(String id) { return reasonType; }
        });
        return ((AtsSignal.Status) s.get(0)).kind();
    }

    private static WebhookMapper.Lookups lookups() {
        return new WebhookMapper.Lookups() {
            @Override public String stageName(String id) { return "c2b5a1e0-0000-4000-8000-000000000001".equals(id) ? "Phone Screen" : null; }
            @Override public String archiveReasonType(String id) { return null; }
        };
    }
}
