package io.atsbridge.provider.lever.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.http.AtsHttp;
import io.atsbridge.core.http.RateBudgets.Priority;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.RateLimit;
import io.atsbridge.provider.lever.LeverProperties;
import io.atsbridge.provider.lever.auth.LeverAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lever's Data API v1 over {@link AtsHttp}: {@code <root>/v1/...} with the connection's credentials, paced to the
 * connection's budget (10 req/s, bursts of 20). An OAuth call refused with 401 is retried once after a refresh,
 * since the token may have been revoked or rotated elsewhere before its expiry.
 */
@Component
public class LeverApi {
    public static final RateLimit RATE_LIMIT = RateLimit.perSecond(10, 20);
    private final AtsHttp http;
    private final ObjectMapper json;
    private final LeverAuth auth;
    private final LeverProperties props;

    public LeverApi(AtsHttp http, ObjectMapper json, LeverAuth auth, LeverProperties props) {
        this.http = http;
        this.json = json;
        this.auth = auth;
        this.props = props;
    }

    public ObjectMapper json() {
        return json;
    }

    /** {@code <root>/v1<pathAndQuery>}. */
    public URI uri(ConnectionContext ctx, String pathAndQuery) {
        return URI.create(ctx.root(props.getApiRoot()) + "/v1" + pathAndQuery);
    }

    public JsonNode get(ConnectionContext ctx, String pathAndQuery) throws AtsException {
        return call(ctx, Priority.READ, () -> HttpRequest.newBuilder(uri(ctx, pathAndQuery)).GET());
    }

    public JsonNode postJson(ConnectionContext ctx, String pathAndQuery, Object body) throws AtsException {
        byte[] b = write(body);
        return call(ctx, Priority.WRITE, () -> HttpRequest.newBuilder(uri(ctx, pathAndQuery))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(b)));
    }

    public JsonNode putJson(ConnectionContext ctx, String pathAndQuery, Object body) throws AtsException {
        byte[] b = write(body);
        return call(ctx, Priority.WRITE, () -> HttpRequest.newBuilder(uri(ctx, pathAndQuery))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(b)));
    }

    public JsonNode postMultipart(ConnectionContext ctx, String pathAndQuery, Multipart body) throws AtsException {
        byte[] b = body.bytes();
        return call(ctx, Priority.WRITE, () -> HttpRequest.newBuilder(uri(ctx, pathAndQuery))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(b)));
    }

    public void delete(ConnectionContext ctx, String pathAndQuery) throws AtsException {
        call(ctx, Priority.WRITE, () -> HttpRequest.newBuilder(uri(ctx, pathAndQuery)).DELETE());
    }

    private JsonNode call(ConnectionContext ctx, Priority priority, Supplier<HttpRequest.Builder> request) throws AtsException {
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(ctx, RATE_LIMIT, request.get().header("Authorization", auth.authorization(ctx))
                    .header("Accept", "application/json"), priority);
        } catch (AtsException e) {
            if (e.kind() != AtsException.Kind.AUTH || e.httpStatus() != 401 || !ctx.credentials().isOAuth()) {
                throw e;
            }
            auth.refreshNow(ctx);
            resp = http.send(ctx, RATE_LIMIT, request.get().header("Authorization", auth.authorization(ctx))
                    .header("Accept", "application/json"), priority);
        }
        byte[] body = resp.body();
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AtsException(AtsException.Kind.UNAVAILABLE, resp.statusCode(), "Lever answered with a body that is not JSON", null, e);
        }
    }

    private byte[] write(Object body) throws AtsException {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new AtsException(AtsException.Kind.REFUSED, 0, "cannot serialize the Lever request", null, e);
        }
    }

    /** {@code ?a=1&b=2} from name/value pairs (null values skipped), URL-encoded. */
    public static String query(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            sb.append(sb.length() == 0 ? '?' : '&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return sb.toString();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code data} of a single-object answer; tolerates the doubly nested {@code data.data} of some doc examples. */
    public static JsonNode data(JsonNode answer) {
        JsonNode d = answer.path("data");
        return d.isObject() && d.path("data").isObject() ? d.path("data") : d;
    }
}
