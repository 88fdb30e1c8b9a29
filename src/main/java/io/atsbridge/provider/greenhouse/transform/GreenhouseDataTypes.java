package io.atsbridge.provider.greenhouse.transform;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.spi.TransformerRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Registers the {@code greenhouse:*} data types with Camel before the routes start, under the names their
 * {@link DataTypeTransformer} annotations declare (the annotation stays the one place a name is written).
 */
@Component
public class GreenhouseDataTypes implements CamelContextConfiguration {
    static final List<Class<? extends Transformer>> TRANSFORMERS =
            List.of(CandidateTransformer.class, JobTransformer.class, WebhookTransformer.class);

    @Override
    public void beforeApplicationStart(CamelContext context) {
        register(context);
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing: the data types are in place before any route starts
    }

    /** Puts every Greenhouse transformer in the context's registry; safe to call twice. */
    public static void register(CamelContext context) {
        TransformerRegistry registry = context.getTransformerRegistry();
        for (Class<? extends Transformer> type : TRANSFORMERS) {
            DataTypeTransformer ann = type.getAnnotation(DataTypeTransformer.class);
            Transformer t = context.getInjector().newInstance(type);
            t.setCamelContext(context);
            registry.put(new TransformerKey(ann.name()), t);
        }
    }
}
