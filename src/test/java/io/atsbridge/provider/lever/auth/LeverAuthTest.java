package io.atsbridge.provider.lever.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.ConnectionContext;
import io.atsbridge.core.provider.ConnectionStateWriter;
import io.atsbridge.core.provider.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LeverAuthTest {
    static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A token endpoint that rotates: each refresh token works once. */
    static class RotatingTokens extends LeverTokens {
        final AtomicInteger calls = new AtomicInteger();
        volatile String valid = "r0";
        volatile boolean revoked;

        RotatingTokens() {
            super(null, null, null, null);
        }

        @Override
        public Tokens refresh(ConnectionContext ctx, String refreshToken) throws AtsException {
            int n = calls.incrementAndGet();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (revoked || !refreshToken.equals(valid)) {
                throw new AtsException(AtsException.Kind.REFUSED, 400, "invalid_grant");
            }
            valid = "r" + n;
            return new Tokens("a" + n, valid, NOW.plus(Duration.ofHours(1)), null);
        }
    }

    /** The stored row: what saveCredentials wrote, what reloadCredentials reads. */
    static class Store implements ConnectionStateWriter {
        final AtomicReference<Credentials> row = new AtomicReference<>();
        final List<String> invalid = new ArrayList<>();
        @Override public Credentials reloadCredentials() { return row.get(); }
        @Override public void saveCredentials(Credentials c) { row.set(c); }
        @Override public void saveState(Map<String, String> s) { }
        @Override public synchronized void markInvalid(String reason) { invalid.add(reason); }
    }

    static ConnectionContext ctx(Store store, Credentials c) {
        store.row.compareAndSet(null, c);
        return new ConnectionContext("con-1", "co", "lever", null, null, c, null, Map.of(), store);
    }

    @Test
    void apiKeyIsBasicWithBlankPassword() throws Exception {
        LeverAuth auth = new LeverAuth(new RotatingTokens(), clock);
        String h = auth.authorization(new ConnectionContext("c", "co", "lever", null, null, Credentials.apiKey("k3y", null), null, Map.of(), null));
        assertThat(h).isEqualTo("Basic " + Base64.getEncoder().encodeToString("k3y:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validTokenIsUsedAsIs() throws Exception {
        RotatingTokens tokens = new RotatingTokens();
        Store store = new Store();
        LeverAuth auth = new LeverAuth(tokens, clock);
        Credentials c = new Credentials(null, null, null, "a-live", "r0", NOW.plus(Duration.ofMinutes(30)), List.of());
        assertThat(auth.authorization(ctx(store, c))).isEqualTo("Bearer a-live");
        assertThat(tokens.calls).hasValue(0);
    }

    @Test
    void concurrentCallsRefreshOnceAndPersistTheRotatedToken() throws Exception {
        RotatingTokens tokens = new RotatingTokens();
        Store store = new Store();
        LeverAuth auth = new LeverAuth(tokens, clock);
        Credentials expiring = new Credentials(null, null, null, "a-old", "r0", NOW.plus(Duration.ofMinutes(4)), List.of("wh"));
        ConnectionContext ctx = ctx(store, expiring);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return auth.authorization(ctx);
            }));
        }
        go.countDown();
        for (Future<String> f : results) {
            assertThat(f.get()).isEqualTo("Bearer a1");
        }
        pool.shutdown();
        assertThat(tokens.calls).hasValue(1);
        assertThat(store.row.get().accessToken()).isEqualTo("a1");
        assertThat(store.row.get().refreshToken()).isEqualTo("r1");
        assertThat(store.row.get().webhookSecrets()).containsExactly("wh");
        assertThat(store.invalid).isEmpty();
    }

    @Test
    void anotherInstanceRotatedFirst_reloadAvoidsUsingTheDeadRefreshToken() throws Exception {
        RotatingTokens tokens = new RotatingTokens();
        Store store = new Store();
        LeverAuth auth = new LeverAuth(tokens, clock);
        Credentials stale = new Credentials(null, null, null, "a-old", "r0", NOW.plus(Duration.ofMinutes(1)), List.of());
        ConnectionContext ctx = ctx(store, stale);
        // elsewhere: r0 was used and r5 stored
        tokens.valid = "r5";
        store.row.set(stale.withTokens("a5", "r5", NOW.plus(Duration.ofHours(1))));
        assertThat(auth.authorization(ctx)).isEqualTo("Bearer a5");
        assertThat(tokens.calls).hasValue(0);
    }

    @Test
    void revokedGrantMarksTheConnectionInvalid() {
        RotatingTokens tokens = new RotatingTokens();
        tokens.revoked = true;
        Store store = new Store();
        LeverAuth auth = new LeverAuth(tokens, clock);
        ConnectionContext ctx = ctx(store, new Credentials(null, null, null, "a", "r0", NOW.minusSeconds(1), List.of()));
        assertThatThrownBy(() -> auth.authorization(ctx)).isInstanceOfSatisfying(AtsException.class, e -> {
            assertThat(e.kind()).isEqualTo(AtsException.Kind.AUTH);
            assertThat(e.getMessage()).isEqualTo(LeverAuth.REVOKED);
        });
        assertThat(store.invalid).containsExactly(LeverAuth.REVOKED);
    }

    @Test
    void aReconnectWithNewTokensIsNotShadowedByOurEarlierRotation() throws Exception {
        RotatingTokens tokens = new RotatingTokens();
        Store store = new Store();
        LeverAuth auth = new LeverAuth(tokens, clock);
        ConnectionContext old = ctx(store, new Credentials(null, null, null, "a-old", "r0", NOW.minusSeconds(1), List.of()));
        assertThat(auth.authorization(old)).isEqualTo("Bearer a1");
        // the admin connected again: a new grant, stored; the stale context still says r0
        Credentials fresh = new Credentials(null, null, null, "a-new", "r-new", NOW.plus(Duration.ofMinutes(50)), List.of());
        store.row.set(fresh);
        assertThat(auth.authorization(new ConnectionContext("con-1", "co", "lever", null, null, fresh, null, Map.of(), store)))
                .isEqualTo("Bearer a-new");
        assertThat(auth.authorization(old)).isEqualTo("Bearer a1"); // the stale context keeps the token we rotated to
        assertThat(tokens.calls).hasValue(1);
    }
}
