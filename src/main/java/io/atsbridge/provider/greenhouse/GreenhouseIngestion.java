package io.atsbridge.provider.greenhouse;

import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.DeliveryProgress;
import io.atsbridge.core.provider.ProviderFlows;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateResponse;
import io.atsbridge.provider.greenhouse.mapping.CandidateMapper;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The call step of the Greenhouse outbound flows ({@code greenhouse-candidate-export-call},
 * {@code greenhouse-application-submit-call}): one {@code POST /v1/partner/candidates}, its ids recorded in the
 * delivery progress the moment Greenhouse answers.
 *
 * <p>The Ingestion API cannot look candidates up by {@code external_id}, so this step cannot reconcile a lost answer
 * itself: a timeout or reset after sending surfaces as {@code AMBIGUOUS} and the engine waits for the
 * {@code new_prospect_application}/{@code new_candidate_application} webhook carrying our {@code external_id} before
 * it retries. When ids are already in the progress (an earlier attempt, or that webhook), nothing is sent again.
 */
@Component("greenhouseIngestion")
public class GreenhouseIngestion {
    public static final String CANDIDATE_ID = "atsCandidateId";
    public static final String APPLICATION_ID = "atsApplicationId";
    public static final String PROFILE_URL = "profileUrl";

    private final GreenhouseClient client;

    public GreenhouseIngestion(GreenhouseClient client) {
        this.client = client;
    }

    public AtsRefs create(@Body PartnerCandidateRequest body,
                          @ExchangeProperty(ProviderFlows.CONNECTION) ConnectionContext connection,
                          @ExchangeProperty(ProviderFlows.PROGRESS) DeliveryProgress progress) throws AtsException {
        if (connection == null) {
            throw new IllegalStateException("exchange property " + ProviderFlows.CONNECTION + " is not set");
        }
        AtsRefs done = recorded(body, progress);
        if (done != null) {
            return done;
        }
        PartnerCandidateResponse response = client.createCandidate(connection, body);
        AtsRefs refs = CandidateMapper.refs(response);
        if (progress != null) {
            refs.asMap().forEach(progress::put);
        }
        return refs;
    }

    /** The refs an earlier attempt (or the reconciling webhook) recorded, when they are complete for this request. */
    private static AtsRefs recorded(PartnerCandidateRequest body, DeliveryProgress progress) {
        if (progress == null) {
            return null;
        }
        Map<String, String> p = progress.snapshot();
        String candidateId = p.get(CANDIDATE_ID);
        String applicationId = p.get(APPLICATION_ID);
        if (candidateId == null || (!body.prospect() && applicationId == null)) {
            return null;
        }
        AtsRefs refs = AtsRefs.of(candidateId, applicationId);
        return p.get(PROFILE_URL) == null ? refs : refs.with(PROFILE_URL, p.get(PROFILE_URL));
    }
}
