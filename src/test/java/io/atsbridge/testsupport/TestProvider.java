package io.atsbridge.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.JobPage;
import io.atsbridge.core.provider.ProviderDescriptor;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.core.provider.ValidationResult;
import io.atsbridge.core.provider.WebhookCheck;
import io.atsbridge.core.provider.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A provider double that proves the seam: an in-memory "ATS" ({@link FakeAts}) that fails on command. Its flows are
 * real Camel routes at the endpoints the engine uses. Import it with {@code @Import(TestProvider.class)}.
 */
@TestComponent
@Import(TestProvider.Flows.class)
public class TestProvider implements AtsProvider {
    public static final FakeAts ATS = new FakeAts();
    private final ObjectMapper json = new ObjectMapper();

    @Bean
    FakeAts fakeAts() {
        return ATS;
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor("test", "Test ATS", List.of("api_key"),
                List.of(new ProviderDescriptor.CredentialField("apiKey", "API key", true, true, "any key but 'bad' or 'down'")),
                List.of(), List.of(), List.of(), null);
    }

    @Override
    public RateLimit rateLimit() {
        return RateLimit.perSecond(100, 100);
    }

    @Override
    public ValidationResult validate(ConnectionContext c) throws AtsException {
        String key = c.credentials().apiKey();
        if ("bad".equals(key)) {
            throw new AtsException(AtsException.Kind.AUTH, 401, "Invalid API key");
        }
        if ("down".equals(key)) {
            throw new AtsException(AtsException.Kind.UNAVAILABLE, 0, "cannot reach the ATS");
        }
        return new ValidationResult("Test User", Map.of("userId", "u1"), List.of());
    }

    @Override
    public JobPage fetchJobs(ConnectionContext c, String cursor) throws AtsException {
        int page = cursor == null ? 0 : Integer.parseInt(cursor);
        if (page == ATS.failOnPage) {
            throw new AtsException(AtsException.Kind.UNAVAILABLE, 503, "the ATS answered 503");
        }
        List<Job> all = List.copyOf(ATS.jobs);
        int from = page * ATS.pageSize;
        int to = Math.min(all.size(), from + ATS.pageSize);
        return new JobPage(from >= all.size() ? List.of() : all.subList(from, to), to < all.size() ? Integer.toString(page + 1) : null);
    }

    @Override
    public JobState vanishedJobState() {
        return JobState.DELETED;
    }

    /** Signature: {@code X-Test-Signature} = hex HMAC-SHA256(secret, raw body); dedupe on {@code X-Test-Event-Id}. */
    @Override
    public WebhookCheck verifyWebhook(ConnectionContext c, WebhookRequest r) {
        String sig = r.header("X-Test-Signature");
        if (sig == null) {
            return WebhookCheck.invalid("no X-Test-Signature header");
        }
        for (String secret : c.credentials().webhookSecrets()) {
            if (MessageDigest.isEqual(sign(secret, r.body()).getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8))) {
                return WebhookCheck.valid(r.header("X-Test-Event-Id"), "test");
            }
        }
        return WebhookCheck.invalid("signature mismatch");
    }

    @Override
    public List<AtsSignal> parseWebhook(ConnectionContext c, WebhookRequest r) throws AtsException {
        try {
            JsonNode n = json.readTree(r.body());
            if (n.has("job")) {
                return List.of(new AtsSignal.JobChange(n.get("job").asText(), AtsSignal.JobChange.Kind.valueOf(n.get("kind").asText()), null));
            }
            if (!n.has("application")) {
                return List.of();
            }
            return List.of(new AtsSignal.Status(n.path("candidate").asText(null), n.get("application").asText(),
                    n.path("externalId").asText(null), n.path("atsJobId").asText(null),
                    AtsSignal.Status.Kind.valueOf(n.get("kind").asText()), null, n.path("stage").asText(null), Instant.now()));
        } catch (IOException e) {
            throw new AtsException(AtsException.Kind.REFUSED, 0, "not JSON");
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test ATS's outbound flows: find the person by email, create when missing. */
    @TestComponent
    public static class Flows extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:test-candidate-export").routeId("test-candidate-export")
                    .process(e -> {
                        Candidate c = e.getMessage().getBody(Candidate.class);
                        String id = ATS.upsertPerson(c.primaryEmail());
                        e.getMessage().setBody(AtsRefs.of(id, "app-" + id));
                    }).id("test-candidate-export-call");
            from("direct:test-application-submit").routeId("test-application-submit")
                    .process(e -> {
                        io.atsbridge.core.model.BoardApplication a = e.getMessage().getBody(io.atsbridge.core.model.BoardApplication.class);
                        String id = ATS.upsertPerson(a.candidate().primaryEmail() + "#" + a.atsJobId());
                        e.getMessage().setBody(AtsRefs.of(id, "app-" + id));
                    }).id("test-application-submit-call");
        }
    }
}
