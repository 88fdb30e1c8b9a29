package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * In-process entry to the control API for the embedded demo: open an account for a key, learn its board token, and
 * register the hub's webhook endpoint. Registering pings the URL, so call it once the server listens
 * (e.g. on ApplicationReadyEvent); a failed ping leaves the webhook disabled, as Greenhouse does.
 */
@org.springframework.stereotype.Component
@GreenhouseSandboxEnabled
public class GreenhouseSandboxAdmin {
    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxWebhooks webhooks;

    public GreenhouseSandboxAdmin(GreenhouseSandboxStore store, GreenhouseSandboxWebhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    /** @return the Job Board token of the account the key opens, or null if the key is not a sandbox key */
    public String boardToken(String key) {
        GhAccount a = store.accountForKey(key);
        return a == null ? null : a.boardToken;
    }

    /**
     * Registers a webhook for every event (or the given actions) and pings it.
     * @return true if the ping got 200 and the webhook is active
     */
    public boolean registerWebhook(String key, String url, String secret, Set<String> actions) {
        GhAccount a = store.accountForKey(key);
        if (a == null) {
            throw new IllegalArgumentException("not a sandbox key");
        }
        GhWebhook h = new GhWebhook();
        h.id = store.read(a, GhAccount::nextId);
        h.name = "atsbridge";
        h.url = url;
        h.secret = secret;
        h.events = actions == null || actions.isEmpty() ? Set.of("all") : new LinkedHashSet<>(actions);
        h.customHeaders = Map.of();
        h.createdAt = Instant.now();
        h.updatedAt = h.createdAt;
        h.active = true;
        synchronized (a.webhooks) {
            a.webhooks.put(h.id, h);
        }
        h.active = webhooks.ping(a, h);
        return h.active;
    }
}
