package io.atsbridge.provider.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.provider.lever.api.LeverApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who we act as in Lever: the {@code perform_as} user id (required on creates and uploads, providers/lever.md §10.1).
 * From {@code onBehalfOf} when given, else the OAuth grant's user, else the first active Super Admin.
 */
@Component
public class LeverUsers {
    public static final String PERFORM_AS = "performAs";
    static final String USER_ID_CLAIM = "https://oauth.lever.co/userId";
    private final LeverApi api;
    private final ObjectMapper json;

    public LeverUsers(LeverApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    public record User(String id, String name, String email) {
        public String label() {
            return (name == null || name.isBlank() ? "Lever user" : name) + (email == null ? "" : " (" + email + ")");
        }
    }

    public User resolve(ConnectionContext ctx) throws AtsException {
        String email = ctx.credentials().onBehalfOf();
        if (email != null && !email.isBlank()) {
            JsonNode list = api.get(ctx, "/users" + LeverApi.query("email", email.trim()));
            for (JsonNode u : list.path("data")) {
                if (active(u) && email.trim().equalsIgnoreCase(u.path("email").asText())) {
                    return user(u);
                }
            }
            throw AtsException.refused("no active Lever user with email " + email.trim() + ": check the address, or leave it empty to act as a Super Admin");
        }
        String grantUser = ctx.credentials().isOAuth() ? grantUserId(ctx.credentials().accessToken()) : null;
        if (grantUser != null) {
            try {
                JsonNode u = LeverApi.data(api.get(ctx, "/users/" + LeverApi.enc(grantUser)));
                if (u.hasNonNull("id") && active(u)) {
                    return user(u);
                }
            } catch (AtsException e) {
                if (e.kind() != AtsException.Kind.REFUSED) {
                    throw e;
                }
                // the grant's user is gone: fall back to a Super Admin like an API key does
            }
        }
        String offset = null;
        do {
            JsonNode page = api.get(ctx, "/users" + LeverApi.query("limit", "100", "offset", offset));
            for (JsonNode u : page.path("data")) {
                if (active(u) && "super admin".equals(u.path("accessRole").asText("").toLowerCase(Locale.ROOT))) {
                    return user(u);
                }
            }
            offset = page.path("hasNext").asBoolean(false) ? page.path("next").asText(null) : null;
        } while (offset != null);
        throw AtsException.refused("the Lever account has no active Super Admin to act as: give onBehalfOf (a Lever user's email)");
    }

    /** The stored {@code perform_as}, or resolved now and stored (connections made before it was recorded). */
    public String performAs(ConnectionContext ctx) throws AtsException {
        String id = ctx.state(PERFORM_AS);
        if (id != null) {
            return id;
        }
        User u = resolve(ctx);
        ctx.stateWriter().saveState(Map.of(PERFORM_AS, u.id()));
        return u.id();
    }

    /** The user id claim of a Lever access token (a JWT); null when the token is not a readable JWT. */
    String grantUserId(String accessToken) {
        if (accessToken == null) {
            return null;
        }
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path(USER_ID_CLAIM).asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean active(JsonNode u) {
        return !u.hasNonNull("deactivatedAt");
    }

    private static User user(JsonNode u) {
        return new User(u.path("id").asText(), u.path("name").asText(null), u.path("email").asText(null));
    }
}
