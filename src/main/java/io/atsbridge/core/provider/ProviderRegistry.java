package io.atsbridge.core.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The providers this build knows, found as Spring beans. */
@Component
public class ProviderRegistry {
    private final Map<String, AtsProvider> byId = new TreeMap<>();

    public ProviderRegistry(List<AtsProvider> providers) {
        for (AtsProvider p : providers) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalStateException("two providers with id " + p.id());
            }
        }
    }

    public Optional<AtsProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public AtsProvider get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown provider " + id));
    }

    public Collection<AtsProvider> all() {
        return byId.values();
    }
}
