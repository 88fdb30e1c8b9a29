package io.atsbridge.sandbox.greenhouse;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The sandbox accounts. A key that starts with {@code sandbox-} opens its own account on first use (DESIGN.md Sandbox);
 * Job Board tokens are global because board GETs carry no key: the first account gets {@code demo}, later ones
 * {@code demo-<n>}. Bounded: past {@code max-accounts} the least recently used account is dropped.
 */
@Component
@GreenhouseSandboxEnabled
public class GreenhouseSandboxStore {
    static final String KEY_PREFIX = "sandbox-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GreenhouseSandboxProperties props;
    private final Map<String, GhAccount> byKey = new ConcurrentHashMap<>();
    private final Map<String, GhAccount> byBoard = new ConcurrentHashMap<>();
    /** Revoked keys stay refused instead of opening a fresh account (bounded, oldest forgotten first). */
    private final Set<String> revoked = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > 10_000;
        }
    });
    private final AtomicInteger accountSeq = new AtomicInteger();

    public GreenhouseSandboxStore(GreenhouseSandboxProperties props) {
        this.props = props;
    }

    /** The account a key opens, or null when Greenhouse would refuse the key. */
    GhAccount accountForKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() <= KEY_PREFIX.length() || key.length() > 200) {
            return null;
        }
        synchronized (revoked) {
            if (revoked.contains(key)) {
                return null;
            }
        }
        GhAccount a = byKey.get(key);
        if (a == null) {
            synchronized (this) {
                a = byKey.get(key);
                if (a == null) {
                    a = newAccount();
                    a.keys.add(key);
                    byKey.put(key, a);
                }
            }
        }
        a.lastUsedNanos = System.nanoTime();
        return a;
    }

    /** Looks up without opening: used by the fault filter, which must not create accounts as a side effect. */
    GhAccount existingForKey(String key) {
        return key == null ? null : byKey.get(key);
    }

    GhAccount accountForBoard(String token) {
        GhAccount a = token == null ? null : byBoard.get(token);
        if (a != null) {
            a.lastUsedNanos = System.nanoTime();
        }
        return a;
    }

    /** Creates an account with a fresh key (control API). */
    synchronized Map.Entry<String, GhAccount> createAccount() {
        GhAccount a = newAccount();
        String key = newKey();
        a.keys.add(key);
        byKey.put(key, a);
        return Map.entry(key, a);
    }

    synchronized String addKey(GhAccount a) {
        String key = newKey();
        a.keys.add(key);
        byKey.put(key, a);
        return key;
    }

    synchronized void revokeKey(GhAccount a, String key) {
        if (a.keys.remove(key)) {
            byKey.remove(key);
            synchronized (revoked) {
                revoked.add(key);
            }
        }
    }

    <T> T read(GhAccount a, Function<GhAccount, T> f) {
        a.lock.lock();
        try {
            return f.apply(a);
        } finally {
            a.lock.unlock();
        }
    }

    int accountCount() {
        return (int) byKey.values().stream().distinct().count();
    }

    private GhAccount newAccount() {
        evictIfFull();
        int n = accountSeq.incrementAndGet();
        String token = n == 1 ? "demo" : "demo-" + n;
        GhAccount a = new GhAccount(n, token);
        GhDemoSeed.seed(a, Instant.now());
        byBoard.put(token, a);
        return a;
    }

    private void evictIfFull() {
        if (accountCount() < props.getMaxAccounts()) {
            return;
        }
        byKey.values().stream().distinct().min(Comparator.comparingLong(x -> x.lastUsedNanos)).ifPresent(old -> {
            old.keys.forEach(byKey::remove);
            byBoard.remove(old.boardToken);
        });
    }

    private static String newKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return KEY_PREFIX + HexFormat.of().formatHex(b);
    }
}
