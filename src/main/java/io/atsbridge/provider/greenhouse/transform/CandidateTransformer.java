package io.atsbridge.provider.greenhouse.transform;

import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.mapping.CandidateMapper;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/** {@code greenhouse:candidate}: a canonical Candidate (prospect) or BoardApplication (on its linked job) → Ingestion body. */
@DataTypeTransformer(name = "greenhouse:candidate",
        description = "atsbridge Candidate or BoardApplication to a Greenhouse Candidate Ingestion POST /v1/partner/candidates body")
public class CandidateTransformer extends Transformer {

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        Object body = message.getBody();
        if (body instanceof Candidate c) {
            message.setBody(CandidateMapper.prospect(c));
        } else if (body instanceof BoardApplication a) {
            message.setBody(CandidateMapper.application(a));
        } else if (!(body instanceof PartnerCandidateRequest)) {
            throw new IllegalArgumentException("greenhouse:candidate expects a Candidate or a BoardApplication, got "
                    + (body == null ? "null" : body.getClass().getName()));
        }
    }
}
