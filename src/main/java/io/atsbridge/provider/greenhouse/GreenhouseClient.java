package io.atsbridge.provider.greenhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.http.AtsHttp;
import io.atsbridge.core.http.RateBudgets.Priority;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsException.Kind;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.provider.greenhouse.api.BoardJobs;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateResponse;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateStatus;
import io.atsbridge.provider.greenhouse.api.PartnerJob;
import io.atsbridge.provider.greenhouse.api.PartnerUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Greenhouse HTTP calls, all through {@link AtsHttp} (the connection's rate budget, timeouts, classification).
 * Candidate Ingestion calls carry Basic {@code base64(key + ":")} and {@code On-Behalf-Of: <email>} (fact sheet §1.1);
 * Job Board API GETs carry no credentials (§3).
 */
@Component
public class GreenhouseClient {
    static final String ON_BEHALF_OF = "On-Behalf-Of";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final AtsHttp http;
    private final GreenhouseProperties props;

    public GreenhouseClient(AtsHttp http, GreenhouseProperties props) {
        this.http = http;
        this.props = props;
    }

    public RateLimit rateLimit() {
        return RateLimit.perSecond(props.getPermitsPerSecond(), props.getBurst());
    }

    public PartnerUser currentUser(ConnectionContext c) throws AtsException {
        return read(http.send(c, rateLimit(), ingestion(c, "/v1/partner/current_user").GET(), Priority.READ), PartnerUser.class);
    }

    /** Open jobs the On-Behalf-Of user can see; a single, unpaginated array. */
    public List<PartnerJob> partnerJobs(ConnectionContext c) throws AtsException {
        JavaType t = JSON.getTypeFactory().constructCollectionType(List.class, PartnerJob.class);
        return read(http.send(c, rateLimit(), ingestion(c, "/v1/partner/jobs").GET(), Priority.READ), t);
    }

    public PartnerCandidateResponse createCandidate(ConnectionContext c, PartnerCandidateRequest body) throws AtsException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the Greenhouse candidate", e);
        }
        HttpRequest.Builder req = ingestion(c, "/v1/partner/candidates")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        HttpResponse<byte[]> resp = http.send(c, rateLimit(), req, Priority.WRITE);
        try {
            JsonNode n = JSON.readTree(resp.body());
            // an object body gets an object back; tolerate a one-element array all the same
            JsonNode one = n != null && n.isArray() ? n.path(0) : n;
            return one == null || !one.isObject() ? null : JSON.treeToValue(one, PartnerCandidateResponse.class);
        } catch (IOException e) {
            // Greenhouse acted (2xx) but we cannot read the ids: reconcile, never create again blindly
            throw new AtsException(Kind.AMBIGUOUS, resp.statusCode(), "Greenhouse accepted the candidate but its answer was unreadable", null, e);
        }
    }

    /** Status of candidates this user can see; unknown or inaccessible ids are silently dropped by Greenhouse. */
    public List<PartnerCandidateStatus> candidateStatuses(ConnectionContext c, Collection<String> ids) throws AtsException {
        // literal commas, as documented; each id encoded on its own
        String q = String.join(",", ids.stream().map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8)).toList());
        HttpResponse<byte[]> resp = http.send(c, rateLimit(), ingestion(c, "/v1/partner/candidates?candidate_ids=" + q).GET(), Priority.READ);
        try {
            JsonNode n = JSON.readTree(resp.body());
            if (n == null || n.isNull() || n.isMissingNode()) {
                return List.of();
            }
            // documented as "always an array" but the example shows a bare object
            JavaType t = JSON.getTypeFactory().constructCollectionType(List.class, PartnerCandidateStatus.class);
            return n.isArray() ? JSON.convertValue(n, t) : List.of(JSON.treeToValue(n, PartnerCandidateStatus.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new AtsException(Kind.UNAVAILABLE, resp.statusCode(), "Greenhouse answered the status read with an unreadable body", null, e);
        }
    }

    /** Live posts of a job board, with content; {@code 404} (unknown token) comes back as REFUSED. */
    public BoardJobs boardJobs(ConnectionContext c, String token, boolean content) throws AtsException {
        String url = c.root(props.getJobBoardRoot()) + "/v1/boards/" + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20")
                + "/jobs" + (content ? "?content=true" : "");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        return read(http.send(c, rateLimit(), req, Priority.READ), BoardJobs.class);
    }

    private HttpRequest.Builder ingestion(ConnectionContext c, String pathAndQuery) throws AtsException {
        String key = c.credentials().apiKey();
        String onBehalfOf = c.credentials().onBehalfOf();
        if (key == null || key.isBlank()) {
            throw new AtsException(Kind.AUTH, 0, "the connection has no Greenhouse Candidate Ingestion API key");
        }
        if (onBehalfOf == null || onBehalfOf.isBlank()) {
            throw new AtsException(Kind.AUTH, 0, "the connection has no On-Behalf-Of user email");
        }
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(c.root(props.getApiRoot()) + pathAndQuery))
                .header("Authorization", "Basic " + basic)
                .header(ON_BEHALF_OF, onBehalfOf)
                .header("Accept", "application/json");
    }

    private static <T> T read(HttpResponse<byte[]> resp, Class<T> type) throws AtsException {
        return read(resp, JSON.getTypeFactory().constructType(type));
    }

    private static <T> T read(HttpResponse<byte[]> resp, JavaType type) throws AtsException {
        try {
            return JSON.readValue(resp.body(), type);
        } catch (IOException e) {
            throw new AtsException(Kind.UNAVAILABLE, resp.statusCode(),
                    "Greenhouse answered " + resp.request().uri().getPath() + " with an unreadable body", null, e);
        }
    }
}
