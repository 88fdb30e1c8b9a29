package io.atsbridge.provider.greenhouse.transform;

import io.atsbridge.core.provider.WebhookRequest;
import io.atsbridge.provider.greenhouse.webhook.WebhookParser;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * {@code greenhouse:webhook}: a <em>verified</em> Greenhouse webhook body → {@code List<AtsSignal>}. Verification
 * needs the raw bytes and the connection's secrets, so it happens before (AtsProvider.verifyWebhook), never here.
 */
@DataTypeTransformer(name = "greenhouse:webhook",
        description = "verified Greenhouse webhook body (raw bytes) to atsbridge status and job signals")
public class WebhookTransformer extends Transformer {

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        Object body = message.getBody();
        byte[] raw;
        if (body instanceof WebhookRequest r) {
            raw = r.body();
        } else if (body instanceof byte[] b) {
            raw = b;
        } else if (body instanceof String s) {
            raw = s.getBytes(StandardCharsets.UTF_8);
        } else {
            raw = message.getMandatoryBody(byte[].class);
        }
        message.setBody(WebhookParser.parse(raw));
    }
}
