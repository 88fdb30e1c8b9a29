package io.atsbridge.provider.lever;

import com.fasterxml.jackson.databind.JsonNode;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.provider.lever.api.LeverApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Stages and archive reasons per connection, cached: webhooks carry ids only (providers/lever.md §7.3). A list is
 * reloaded when an unknown id arrives (an admin added a stage), at most every 30 s so a bogus id cannot flood Lever.
 */
@Component
public class LeverReferenceData {
    private static final Duration MIN_RELOAD = Duration.ofSeconds(30);
    private final LeverApi api;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> stages = new ConcurrentHashMap<>();
    private final Map<String, Cached> archiveReasons = new ConcurrentHashMap<>();

    private record Cached(Map<String, String> byId, Instant loadedAt) { }

    public LeverReferenceData(LeverApi api) {
        this.api = api;
    }

    /** Stage id → name; null when Lever does not know it. */
    public String stageName(ConnectionContext ctx, String stageId) throws AtsException {
        return lookup(ctx, stages, "/stages", "text", stageId);
    }

    /** Archive reason id → {@code hired}/{@code non-hired}; null when unknown. */
    public String archiveReasonType(ConnectionContext ctx, String reasonId) throws AtsException {
        return lookup(ctx, archiveReasons, "/archive_reasons", "type", reasonId);
    }

    /** A stage id from a configured name or id (case-insensitive name match); null when there is none. */
    public String stageIdFor(ConnectionContext ctx, String nameOrId) throws AtsException {
        if (nameOrId == null || nameOrId.isBlank()) {
            return null;
        }
        for (int pass = 0; pass < 2; pass++) {
            Cached c = pass == 0 ? stages.get(ctx.connectionId()) : null;
            if (c == null) {
                c = load(ctx, stages, "/stages", "text", pass == 1);
            }
            if (c.byId().containsKey(nameOrId)) {
                return nameOrId;
            }
            String wanted = nameOrId.trim().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> e : c.byId().entrySet()) {
                if (e.getValue() != null && e.getValue().trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private String lookup(ConnectionContext ctx, Map<String, Cached> cache, String path, String field, String id) throws AtsException {
        if (id == null) {
            return null;
        }
        Cached c = cache.get(ctx.connectionId());
        if (c == null || !c.byId().containsKey(id)) {
            c = load(ctx, cache, path, field, c != null);
        }
        return c.byId().get(id);
    }

    private Cached load(ConnectionContext ctx, Map<String, Cached> cache, String path, String field, boolean reload) throws AtsException {
        Cached old = cache.get(ctx.connectionId());
        if (reload && old != null && old.loadedAt().plus(MIN_RELOAD).isAfter(clock.instant())) {
            return old;
        }
        Map<String, String> byId = new HashMap<>();
        String offset = null;
        do {
            JsonNode page = api.get(ctx, path + LeverApi.query("limit", "100", "offset", offset));
            for (JsonNode n : page.path("data")) {
                byId.put(n.path("id").asText(), n.path(field).asText(null));
            }
            offset = page.path("hasNext").asBoolean(false) ? page.path("next").asText(null) : null;
        } while (offset != null);
        Cached c = new Cached(java.util.Collections.unmodifiableMap(byId), clock.instant());
        cache.put(ctx.connectionId(), c);
        return c;
    }

    public void forget(String connectionId) {
        stages.remove(connectionId);
        archiveReasons.remove(connectionId);
    }
}
