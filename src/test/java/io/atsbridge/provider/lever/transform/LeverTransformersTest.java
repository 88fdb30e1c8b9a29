package io.atsbridge.provider.lever.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.lever.api.OpportunityRequest;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.junit.jupiter.api.Test;

/** The Lever transformers resolve by their data-type names, as {@code transformDataType: toType: lever:…} uses them. */
class LeverTransformersTest {

    @Test
    void resolvedByNameAndUsableFromARoute() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AtsBridgeProperties hub = new AtsBridgeProperties();
        hub.getBoard().setName("Jopwell");
        try (CamelContext camel = new DefaultCamelContext()) {
            LeverTransformers.register(camel, List.of(new LeverOpportunityTransformer(hub), new LeverPostingTransformer(json),
                    new LeverWebhookTransformer(json, null)));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:posting").transformDataType("lever:posting");
                    from("direct:opportunity").transformDataType("lever:opportunity");
                    from("direct:webhook").transformDataType("lever:webhook");
                }
            });
            camel.start();
            for (String name : List.of("lever:opportunity", "lever:posting", "lever:webhook")) {
                Transformer t = camel.getTransformerRegistry().resolveTransformer(new TransformerKey(new DataType(name)));
                assertThat(t).as(name).isNotNull();
                assertThat(t.getClass().getAnnotation(org.apache.camel.spi.DataTypeTransformer.class).name()).isEqualTo(name);
            }
            Job job = camel.createProducerTemplate().requestBody("direct:posting",
                    "{\"id\":\"p1\",\"text\":\"T\",\"state\":\"closed\",\"urls\":null}", Job.class);
            assertThat(job.atsJobId()).isEqualTo("p1");
            assertThat(job.state()).isEqualTo(JobState.CLOSED);

            Exchange ex = camel.createProducerTemplate().request("direct:opportunity", e -> {
                e.setProperty(ProviderFlows.CONNECTION, new ConnectionContext("c", "co", "lever", null, null, null,
                        new ConnectionSettings("Acme Board", null, null, null, null, null), Map.of(), null));
                e.getMessage().setBody(new Candidate("b", "A", "B", List.of("a@b.example"), null, null, null, null, null, null, null, null));
            });
            OpportunityRequest r = ex.getMessage().getBody(OpportunityRequest.class);
            assertThat(r.tags()).containsExactly("Acme Board");
            assertThat(r.origin()).isEqualTo("sourced");

            List<?> signals = camel.createProducerTemplate().requestBody("direct:webhook",
                    "{\"event\":\"candidateHired\",\"triggeredAt\":1,\"data\":{\"opportunityId\":\"o\"}}", List.class);
            assertThat(signals).hasSize(1);
        }
    }
}
