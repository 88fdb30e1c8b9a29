package io.atsbridge.provider.lever.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.provider.lever.api.LeverPosting;
import io.atsbridge.provider.lever.mapping.PostingMapper;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/** {@code lever:posting}: a Lever posting (object, JSON tree, text or bytes) → canonical {@code Job}. */
@Component
@DataTypeTransformer(name = LeverPostingTransformer.NAME, description = "Lever posting to canonical job")
public class LeverPostingTransformer extends Transformer {
    public static final String NAME = "lever:posting";
    private final ObjectMapper json;

    public LeverPostingTransformer(ObjectMapper json) {
        super(NAME);
        this.json = json;
    }

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        Object b = message.getBody();
        LeverPosting p;
        if (b instanceof LeverPosting lp) {
            p = lp;
        } else if (b instanceof JsonNode n) {
            p = json.treeToValue(n, LeverPosting.class);
        } else {
            p = json.readValue(message.getBody(byte[].class), LeverPosting.class);
        }
        message.setBody(PostingMapper.toJob(p));
    }
}
