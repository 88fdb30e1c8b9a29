package io.atsbridge.core.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.HubException;
import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.db.Db;
import io.atsbridge.core.http.RateBudgets;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsProvider;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionSettings;
import io.atsbridge.core.provider.ConnectionStateWriter;
import io.atsbridge.core.provider.Credentials;
import io.atsbridge.core.provider.ProviderRegistry;
import io.atsbridge.core.provider.ValidationResult;
import io.atsbridge.core.security.CredentialCipher;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Connect, show and revoke a company's ATS connection, and hand providers a decrypted {@link ConnectionContext}.
 * Credentials are validated against the ATS before anything is stored, and stored sealed with the master key.
 */
@Service
public class ConnectionService {
    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private final ConnectionRepository repo;
    private final ProviderRegistry providers;
    private final CredentialCipher cipher;
    private final ObjectMapper json;
    private final AtsBridgeProperties props;
    private final RateBudgets budgets;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    public ConnectionService(ConnectionRepository repo, ProviderRegistry providers, CredentialCipher cipher, ObjectMapper json,
                             AtsBridgeProperties props, RateBudgets budgets, Optional<Clock> clock,
                             org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repo = repo;
        this.providers = providers;
        this.cipher = cipher;
        this.json = json;
        this.props = props;
        this.budgets = budgets;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * The result of a connect: the stored view plus the webhook secret, which is shown this once only. Also published
     * as an application event (without the secret), so the first job import starts right away.
     */
    public record Connected(ConnectionView view, String webhookSecret, boolean created) { }

    public Connected connect(String companyId, ConnectRequest req) {
        return connect(companyId, req, false);
    }

    /**
     * Connects or reconnects. A reconnect keeps the webhook secret the ATS admin already pasted (rotating it would
     * silently break every webhook) unless {@code rotateWebhookSecret}; the secret is returned only when it is new.
     */
    public Connected connect(String companyId, ConnectRequest req, boolean rotateWebhookSecret) {
        AtsProvider provider = providers.find(req.provider()).orElseThrow(() -> HubException.badRequest("provider",
                "unknown provider '" + req.provider() + "'; supported: " + providers.all().stream().map(AtsProvider::id).toList()));
        boolean oauth = req.accessToken() != null || req.refreshToken() != null;
        if (!oauth && (req.apiKey() == null || req.apiKey().isBlank())) {
            throw HubException.badRequest("apiKey", "apiKey is required");
        }
        for (io.atsbridge.core.provider.ProviderDescriptor.CredentialField f : provider.descriptor().credentialFields()) {
            // the provider's own required fields, named in the 400 before any call to the ATS
            if (f.required() && !oauth && blank(fieldValue(req, f.name()))) {
                throw HubException.badRequest(f.name(), f.name() + " is required for " + provider.descriptor().name() + " (" + f.label() + ")");
            }
        }
        if (req.connectedBy() == null || req.connectedBy().isBlank()) {
            throw HubException.badRequest("connectedBy", "connectedBy is required (who connected the ATS)");
        }
        if (req.baseUrl() != null && !req.baseUrl().isBlank()) {
            checkBaseUrl(req.baseUrl());
        }
        Instant now = clock.instant();
        Optional<StoredConnection> existing = repo.findByCompany(companyId);
        String id = existing.map(StoredConnection::id).orElseGet(() -> Db.newId("con"));
        Credentials creds = new Credentials(blankToNull(req.apiKey()), blankToNull(req.onBehalfOf()), blankToNull(req.jobBoardToken()),
                req.accessToken(), req.refreshToken(), req.accessTokenExpiresAt(),
                req.webhookSecrets() == null ? List.of() : req.webhookSecrets());
        ConnectionSettings settings = req.settings() == null ? ConnectionSettings.defaults() : req.settings();
        String hookUrl = webhookUrl(provider.id(), id);
        ConnectionContext probe = new ConnectionContext(id, companyId, provider.id(), blankToNull(req.baseUrl()), hookUrl, creds, settings,
                Map.of(), ConnectionStateWriter.NONE);
        ValidationResult checked;
        try {
            checked = provider.validate(probe);
        } catch (AtsException e) {
            throw switch (e.kind()) {
                case AUTH, REFUSED -> HubException.unprocessable("ats_refused",
                        providerName(provider) + " refused the credentials: " + e.getMessage(), "apiKey");
                default -> new HubException(502, "ats_unreachable",
                        "could not reach " + providerName(provider) + " to check the credentials (" + e.getMessage() + "); nothing was stored",
                        null);
            };
        }
        List<String> secrets = new ArrayList<>(creds.webhookSecrets());
        checked.webhookSecrets().stream().filter(s -> !secrets.contains(s)).forEach(secrets::add);
        creds = creds.withWebhookSecrets(secrets);
        String kept = rotateWebhookSecret ? null : existing.flatMap(this::webhookSecret).orElse(null);
        String webhookSecret = kept != null ? kept : HexFormat.of().formatHex(randomBytes(24));
        int interval = settings.syncIntervalMinutes() != null ? settings.syncIntervalMinutes() : props.getJobs().getDefaultSyncIntervalMinutes();
        StoredConnection row = new StoredConnection(id, companyId, provider.id(), "active", null, blankToNull(req.baseUrl()),
                cipher.encrypt(write(creds), companyId), cipher.encrypt(webhookSecret, companyId), write(settings),
                write(checked.providerState()), checked.accountLabel(), req.connectedBy(), now, null, null,
                now, now); // first import right away, then every `interval` minutes
        if (existing.isPresent()) {
            repo.reconnect(row);
            budgets.forget(id);
        } else {
            repo.insert(row);
        }
        log.info("company {} connected to {} by {} (connection {}, import every {} min)", companyId, provider.id(),
                req.connectedBy(), id, interval);
        events.publishEvent(new Connected(view(repo.findById(id).orElseThrow()), null, existing.isEmpty()));
        return new Connected(view(repo.findById(id).orElseThrow()), kept == null ? webhookSecret : null, existing.isEmpty());
    }

    public Optional<ConnectionView> find(String companyId) {
        return repo.findByCompany(companyId).map(this::view);
    }

    public void revoke(String companyId) {
        StoredConnection c = repo.findByCompany(companyId).orElseThrow(() -> HubException.notFound("company " + companyId + " has no ATS connection"));
        if (repo.revoke(companyId, clock.instant())) {
            budgets.forget(c.id());
            log.info("company {} revoked its {} connection {}", companyId, c.provider(), c.id());
        }
    }

    /** The decrypted context of an active connection (the engine's and the providers' view). */
    public Optional<ConnectionContext> context(String connectionId) {
        return repo.findById(connectionId).filter(StoredConnection::active).map(this::context);
    }

    public Optional<ConnectionContext> contextForCompany(String companyId) {
        return repo.findByCompany(companyId).filter(StoredConnection::active).map(this::context);
    }

    /** The webhook secret we generated for this connection (to verify Greenhouse-style signatures). */
    public Optional<String> webhookSecret(StoredConnection c) {
        return Optional.ofNullable(c.sealedWebhookSecret()).map(s -> cipher.decrypt(s, c.companyId()));
    }

    /**
     * The decrypted context, cached per connection and row version (updated_at moves on every change of credentials,
     * state, settings or status), so a webhook or delivery does not pay two AES-GCM decryptions and JSON parses.
     */
    public ConnectionContext context(StoredConnection c) {
        CachedContext hit = contexts.get(c.id());
        if (hit != null && hit.updatedAt().equals(c.updatedAt())) {
            return hit.context();
        }
        ConnectionContext ctx = buildContext(c);
        contexts.put(c.id(), new CachedContext(c.updatedAt(), ctx));
        return ctx;
    }

    private record CachedContext(Instant updatedAt, ConnectionContext context) { }

    private final java.util.concurrent.ConcurrentHashMap<String, CachedContext> contexts = new java.util.concurrent.ConcurrentHashMap<>();

    private ConnectionContext buildContext(StoredConnection c) {
        Credentials creds = read(cipher.decrypt(c.sealedCredentials(), c.companyId()), Credentials.class);
        List<String> secrets = new ArrayList<>();
        webhookSecret(c).ifPresent(secrets::add);
        secrets.addAll(creds.webhookSecrets());
        creds = creds.withWebhookSecrets(secrets);
        return new ConnectionContext(c.id(), c.companyId(), c.provider(), c.baseUrl(), webhookUrl(c), creds,
                read(c.settingsJson(), ConnectionSettings.class), readMap(c.providerStateJson()), writer(c));
    }

    private ConnectionStateWriter writer(StoredConnection c) {
        return new ConnectionStateWriter() {
            @Override
            public Credentials reloadCredentials() {
                StoredConnection now = repo.findById(c.id()).orElse(null);
                return now == null || now.sealedCredentials() == null ? null
                        : read(cipher.decrypt(now.sealedCredentials(), c.companyId()), Credentials.class);
            }

            @Override
            public void saveCredentials(Credentials credentials) {
                // keep only the secrets the admin or the provider gave: ours lives in its own column
                StoredConnection now = repo.findById(c.id()).orElseThrow();
                String ours = webhookSecret(now).orElse(null);
                List<String> rest = credentials.webhookSecrets().stream().filter(s -> !s.equals(ours)).toList();
                repo.updateCredentials(c.id(), cipher.encrypt(write(credentials.withWebhookSecrets(rest)), c.companyId()), clock.instant());
            }

            @Override
            public void saveState(Map<String, String> state) {
                Map<String, String> merged = new HashMap<>(readMap(repo.findById(c.id()).orElseThrow().providerStateJson()));
                merged.putAll(state);
                repo.updateProviderState(c.id(), write(merged), clock.instant());
            }

            @Override
            public void markInvalid(String reason) {
                log.warn("connection {} of company {} is now invalid: {}", c.id(), c.companyId(), reason);
                repo.markInvalid(c.id(), reason, clock.instant());
            }
        };
    }

    public ConnectionView view(StoredConnection c) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("url", webhookUrl(c));
        return new ConnectionView(c.id(), c.companyId(), c.provider(), c.status(), c.statusReason(), c.accountLabel(),
                c.connectedBy(), c.connectedAt(), c.revokedAt(), c.lastSyncAt(), c.nextSyncAt(), c.baseUrl(), webhook,
                read(c.settingsJson(), ConnectionSettings.class));
    }

    public String webhookUrl(StoredConnection c) {
        return webhookUrl(c.provider(), c.id());
    }

    private String webhookUrl(String provider, String connectionId) {
        String base = props.getPublicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/" + provider + "/" + connectionId;
    }

    public int syncIntervalMinutes(ConnectionSettings s) {
        return s != null && s.syncIntervalMinutes() != null && s.syncIntervalMinutes() > 0
                ? s.syncIntervalMinutes() : props.getJobs().getDefaultSyncIntervalMinutes();
    }

    public Duration syncInterval(StoredConnection c) {
        return Duration.ofMinutes(syncIntervalMinutes(read(c.settingsJson(), ConnectionSettings.class)));
    }

    private static void checkBaseUrl(String baseUrl) {
        try {
            URI u = URI.create(baseUrl);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw HubException.badRequest("baseUrl", "baseUrl must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest("baseUrl", "baseUrl is not a URL");
        }
    }

    private static String providerName(AtsProvider p) {
        return p.descriptor().name();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Object fieldValue(ConnectRequest r, String name) {
        return switch (name) {
            case "apiKey" -> r.apiKey();
            case "onBehalfOf" -> r.onBehalfOf();
            case "jobBoardToken" -> r.jobBoardToken();
            case "webhookSecrets" -> r.webhookSecrets() == null || r.webhookSecrets().isEmpty() ? null : r.webhookSecrets();
            case "baseUrl" -> r.baseUrl();
            default -> "";
        };
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + o.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private Map<String, String> readMap(String s) {
        try {
            return s == null ? Map.of() : json.readValue(s, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provider state is not readable", e);
        }
    }
}
