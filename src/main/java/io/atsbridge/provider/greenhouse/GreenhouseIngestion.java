package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.mapping.CandidateMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The Java steps of the Greenhouse outbound flows ({@code routes/candidate-export/greenhouse-candidate-export.yaml},
 * {@code routes/application-submit/greenhouse-application-submit.yaml}): what an earlier attempt already recorded, the
 * one {@code POST /v1/partner/candidates}, and the {@link AtsRefs} answer.
 *
 * <p>The Ingestion API cannot look candidates up by {@code external_id}, so the flow cannot reconcile a lost answer
 * itself: a timeout or reset after sending surfaces as {@code AMBIGUOUS} and the engine waits
 * ({@link GreenhouseProvider#reconcileWindow()}) for the {@code new_prospect_application}/{@code new_candidate_application}
 * webhook carrying our {@code external_id} before it retries.
 */
@Component("greenhouseIngestion")
public class GreenhouseIngestion {
    /** Exchange property: the refs of this delivery once known (recorded earlier or just created). */
    public static final String REFS = "greenhouseRefs";
    /** Progress keys, written the moment Greenhouse answers. */
    public static final String CANDIDATE_ID = "atsCandidateId";
    public static final String APPLICATION_ID = "atsApplicationId";
    public static final String PROFILE_URL = "profileUrl";

    private final GreenhouseClient client;

    public GreenhouseIngestion(GreenhouseClient client) {
        this.client = client;
    }

    /** Sets {@link #REFS} when an earlier attempt recorded the ids this request needs: then nothing is sent again. */
    public void recorded(Exchange exchange) {
        PartnerCandidateRequest body = request(exchange);
        DeliveryProgress progress = exchange.getProperty(ProviderFlows.PROGRESS, DeliveryProgress.class);
        if (progress == null) {
            return;
        }
        Map<String, String> p = progress.snapshot();
        String candidateId = p.get(CANDIDATE_ID);
        String applicationId = p.get(APPLICATION_ID);
        if (candidateId == null || (!body.prospect() && applicationId == null)) {
            return;
        }
        AtsRefs refs = AtsRefs.of(candidateId, applicationId);
        exchange.setProperty(REFS, p.get(PROFILE_URL) == null ? refs : refs.with(PROFILE_URL, p.get(PROFILE_URL)));
    }

    /** {@code POST /v1/partner/candidates}; the ids go to the progress at once, then to {@link #REFS}. */
    public void create(Exchange exchange) throws AtsException {
        ConnectionContext connection = exchange.getProperty(ProviderFlows.CONNECTION, ConnectionContext.class);
        if (connection == null) {
            throw new IllegalStateException("exchange property " + ProviderFlows.CONNECTION + " is not set");
        }
        PartnerCandidateRequest body = request(exchange);
        AtsRefs refs = CandidateMapper.refs(client.createCandidate(connection, body));
        DeliveryProgress progress = exchange.getProperty(ProviderFlows.PROGRESS, DeliveryProgress.class);
        if (progress != null) {
            refs.asMap().forEach(progress::put);
        }
        exchange.setProperty(REFS, refs);
    }

    private static PartnerCandidateRequest request(Exchange exchange) {
        PartnerCandidateRequest body = exchange.getMessage().getBody(PartnerCandidateRequest.class);
        if (body == null) {
            throw new IllegalStateException("the body is not a greenhouse:candidate request (transformDataType missing?)");
        }
        return body;
    }

    /** The flow's answer. */
    public AtsRefs refs(Exchange exchange) {
        AtsRefs refs = exchange.getProperty(REFS, AtsRefs.class);
        if (refs == null) {
            throw new IllegalStateException("the Greenhouse flow ended without ids");
        }
        return refs;
    }
}
