package io.atsbridge.provider.lever.auth;

import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code Authorization} header of a Lever connection. API key: Basic with the key as user and a blank password.
 * OAuth: Bearer, refreshed when it expires within 5 minutes; refresh tokens rotate, so a refresh happens under a
 * per-connection lock, after reloading the stored credentials (another thread may have rotated them already).
 */
@Component
public class LeverAuth {
    public static final String REVOKED = "the Lever grant was revoked or expired: reconnect";
    private static final Logger log = LoggerFactory.getLogger(LeverAuth.class);
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private final LeverTokens tokens;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Our last rotation per connection: a context built before it still carries the old (now dead) tokens. */
    private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();

    private record Rotation(String fromRefreshToken, Credentials to) { }

    @org.springframework.beans.factory.annotation.Autowired
    public LeverAuth(LeverTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    LeverAuth(LeverTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String authorization(ConnectionContext ctx) throws AtsException {
        Credentials c = ctx.credentials();
        if (c == null) {
            throw new AtsException(AtsException.Kind.AUTH, 0, "the connection has no Lever credentials");
        }
        if (!c.isOAuth()) {
            if (c.apiKey() == null || c.apiKey().isBlank()) {
                throw new AtsException(AtsException.Kind.AUTH, 0, "the connection has no Lever API key");
            }
            return "Basic " + Base64.getEncoder().encodeToString((c.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
        }
        Credentials fresh = newest(ctx.connectionId(), c);
        if (fresh.accessToken() == null || expiresSoon(fresh)) {
            fresh = refresh(ctx, false);
        }
        return "Bearer " + fresh.accessToken();
    }

    /** Refreshes even if the token looks valid (Lever answered 401 to it). */
    public void refreshNow(ConnectionContext ctx) throws AtsException {
        refresh(ctx, true);
    }

    private Credentials refresh(ConnectionContext ctx, boolean force) throws AtsException {
        ReentrantLock lock = locks.computeIfAbsent(ctx.connectionId(), k -> new ReentrantLock());
        lock.lock();
        try {
            Credentials before = newest(ctx.connectionId(), ctx.credentials());
            // the stored row is the truth: we write it before we use a rotated token, and so does every other instance
            Credentials stored = ctx.stateWriter().reloadCredentials();
            Credentials c = stored != null ? stored : before;
            boolean rotatedElsewhere = c.accessToken() != null && !c.accessToken().equals(before.accessToken());
            if (c.accessToken() != null && !expiresSoon(c) && (!force || rotatedElsewhere)) {
                return c;
            }
            if (c.refreshToken() == null) {
                ctx.stateWriter().markInvalid("the Lever access token expired and the grant has no refresh token (offline_access): reconnect");
                throw new AtsException(AtsException.Kind.AUTH, 401, "the Lever access token expired and cannot be refreshed");
            }
            LeverTokens.Tokens t;
            try {
                t = tokens.refresh(ctx, c.refreshToken());
            } catch (AtsException e) {
                if (isRevoked(e)) {
                    // another instance may have rotated the token a moment ago: its fresh tokens are in the row by now
                    Credentials now = ctx.stateWriter().reloadCredentials();
                    if (now != null && now.refreshToken() != null && !now.refreshToken().equals(c.refreshToken())) {
                        log.info("connection {}: the refresh token was rotated by another instance; using its tokens", ctx.connectionId());
                        return now;
                    }
                    ctx.stateWriter().markInvalid(REVOKED);
                    throw new AtsException(AtsException.Kind.AUTH, e.httpStatus(), REVOKED, null, e);
                }
                throw e;
            }
            Credentials rotated = c.withTokens(t.accessToken(), t.refreshToken(), t.expiresAt());
            // persist before use: if we crash after Lever rotated, the old refresh token is already dead
            ctx.stateWriter().saveCredentials(rotated);
            rotations.put(ctx.connectionId(), new Rotation(c.refreshToken(), rotated));
            log.info("refreshed the Lever access token of connection {} (valid until {})", ctx.connectionId(), t.expiresAt());
            return rotated;
        } finally {
            lock.unlock();
        }
    }

    /** Lever (Auth0) answers {@code invalid_grant} for a revoked, expired or already-rotated refresh token. */
    static boolean isRevoked(AtsException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("invalid_grant") || (e.httpStatus() == 401 || e.httpStatus() == 403) && m.contains("grant");
    }

    /** The tokens we rotated to, when {@code c} still holds the refresh token we rotated away from; else {@code c}. */
    private Credentials newest(String connectionId, Credentials c) {
        Rotation r = rotations.get(connectionId);
        return r != null && r.fromRefreshToken() != null && r.fromRefreshToken().equals(c.refreshToken()) ? r.to() : c;
    }

    private boolean expiresSoon(Credentials c) {
        Instant exp = c.accessTokenExpiresAt();
        return exp != null && exp.isBefore(clock.instant().plus(MARGIN));
    }

    /** Forgets what we cached for a connection (reconnected or revoked). */
    public void forget(String connectionId) {
        rotations.remove(connectionId);
    }
}
