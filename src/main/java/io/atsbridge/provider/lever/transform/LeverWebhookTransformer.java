package io.atsbridge.provider.lever.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.lever.LeverReferenceData;
import io.atsbridge.provider.lever.api.LeverWebhookEvent;
import io.atsbridge.provider.lever.mapping.WebhookMapper;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/**
 * {@code lever:webhook}: a verified Lever webhook body → canonical status signals ({@code List<AtsSignal>}), stage
 * names and archive reasons resolved through the connection's cached reference data.
 */
@Component
@DataTypeTransformer(name = LeverWebhookTransformer.NAME, description = "Lever webhook to canonical status signals")
public class LeverWebhookTransformer extends Transformer {
    public static final String NAME = "lever:webhook";
    private final ObjectMapper json;
    private final LeverReferenceData reference;

    public LeverWebhookTransformer(ObjectMapper json, LeverReferenceData reference) {
        super(NAME);
        this.json = json;
        this.reference = reference;
    }

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        Object b = message.getBody();
        LeverWebhookEvent e = b instanceof LeverWebhookEvent ev ? ev : json.readValue(message.getBody(byte[].class), LeverWebhookEvent.class);
        ConnectionContext ctx = message.getExchange().getProperty(ProviderFlows.CONNECTION, ConnectionContext.class);
        message.setBody(WebhookMapper.toSignals(e, lookups(reference, ctx)));
    }

    public static WebhookMapper.Lookups lookups(LeverReferenceData reference, ConnectionContext ctx) {
        return new WebhookMapper.Lookups() {
            @Override
            public String stageName(String stageId) throws io.atsbridge.core.provider.AtsException {
                return reference.stageName(ctx, stageId);
            }

            @Override
            public String archiveReasonType(String reasonId) throws io.atsbridge.core.provider.AtsException {
                return reference.archiveReasonType(ctx, reasonId);
            }
        };
    }
}
