package io.atsbridge.provider.lever.transform;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Puts the Lever transformers (Spring beans, so they get their collaborators) into Camel's transformer registry
 * under their data-type names before any route starts, so {@code transformDataType: toType: lever:…} finds them.
 */
@Component
public class LeverTransformers implements CamelContextConfiguration {
    private final List<Transformer> transformers;

    public LeverTransformers(LeverOpportunityTransformer opportunity, LeverPostingTransformer posting, LeverWebhookTransformer webhook) {
        this.transformers = List.of(opportunity, posting, webhook);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        register(camel, transformers);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) { }

    public static void register(CamelContext camel, List<Transformer> transformers) {
        for (Transformer t : transformers) {
            t.setCamelContext(camel);
            camel.getTransformerRegistry().put(new TransformerKey(new DataType(t.getName())), t);
        }
    }
}
