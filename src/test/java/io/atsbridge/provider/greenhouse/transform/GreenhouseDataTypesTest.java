package io.atsbridge.provider.greenhouse.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.provider.greenhouse.Fixtures;
import io.atsbridge.provider.greenhouse.api.JobWithPost;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.api.PartnerJob;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.TransformerKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each greenhouse:* data type resolves by name and transforms through Camel's transformDataType EIP. */
class GreenhouseDataTypesTest {
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        GreenhouseDataTypes.register(camel);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:candidate").transformDataType("greenhouse:candidate");
                from("direct:job").transformDataType("greenhouse:job");
                from("direct:webhook").transformDataType("greenhouse:webhook");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyNameResolves() {
        for (String name : List.of("greenhouse:candidate", "greenhouse:job", "greenhouse:webhook")) {
            assertThat(camel.getTransformerRegistry().resolveTransformer(new TransformerKey(name))).as(name).isNotNull();
        }
    }

    @Test
    void candidateBecomesAProspectRequest() {
        Candidate c = new Candidate("b-1", "Ada", "Lovelace", List.of("ada@example.com"), List.of(), null, null, List.of(), null, null, null, null);
        PartnerCandidateRequest r = producer.requestBody("direct:candidate", c, PartnerCandidateRequest.class);
        assertThat(r.prospect()).isTrue();
        assertThat(r.externalId()).isEqualTo("b-1");
    }

    @Test
    void jobAndWebhookTransform() {
        Job j = producer.requestBody("direct:job", new JobWithPost(new PartnerJob("7", "Ops", "open", false), null), Job.class);
        assertThat(j.title()).isEqualTo("Ops");
        Object signals = producer.requestBody("direct:webhook", Fixtures.bytes("webhook-hire-candidate.json"));
        assertThat(signals).asList().singleElement().isInstanceOf(AtsSignal.Status.class);
    }
}
