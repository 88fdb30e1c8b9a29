package io.atsbridge.provider.lever.transform;

import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.model.Screening;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.lever.api.OpportunityRequest;
import io.atsbridge.provider.lever.mapping.OpportunityMapper;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/**
 * {@code lever:opportunity}: a canonical candidate, application or screening → the Lever create request. Tag and
 * source are the board name (or the company's override); origin {@code sourced} for a profile, the company's
 * {@code applicationOrigin} (default {@code applied}) for an application or screening on a posting.
 */
@Component
@DataTypeTransformer(name = LeverOpportunityTransformer.NAME, description = "canonical candidate/application/screening to a Lever opportunity create request")
public class LeverOpportunityTransformer extends Transformer {
    public static final String NAME = "lever:opportunity";
    private final AtsBridgeProperties hub;

    public LeverOpportunityTransformer(AtsBridgeProperties hub) {
        super(NAME);
        this.hub = hub;
    }

    @Override
    public void transform(Message message, DataType from, DataType to) {
        ConnectionContext ctx = message.getExchange().getProperty(ProviderFlows.CONNECTION, ConnectionContext.class);
        ConnectionSettings settings = ctx == null ? ConnectionSettings.defaults() : ctx.settings();
        String source = settings.sourceNameOr(hub.getBoard().getName());
        String applied = settings.applicationOrigin() == null || settings.applicationOrigin().isBlank() ? "applied" : settings.applicationOrigin();
        Object body = message.getBody();
        OpportunityRequest out;
        if (body instanceof Candidate c) {
            out = OpportunityMapper.fromCandidate(c, source, "sourced", null);
        } else if (body instanceof BoardApplication a) {
            out = OpportunityMapper.fromCandidate(a.candidate(), source, applied, a.atsJobId());
        } else if (body instanceof Screening s) {
            out = OpportunityMapper.fromCandidate(s.candidate(), source, applied, s.atsJobId());
        } else if (body instanceof OpportunityRequest r) {
            out = r;
        } else {
            throw new IllegalArgumentException("lever:opportunity cannot be made from " + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        message.setBody(out);
    }
}
