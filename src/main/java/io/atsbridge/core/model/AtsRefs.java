package io.atsbridge.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ATS ids an outbound delivery produced or found, recorded on the delivery row and in the candidate and
 * application references. {@code atsCandidateId}/{@code atsApplicationId} are what status webhooks are matched on.
 */
public record AtsRefs(String atsCandidateId, String atsApplicationId, Map<String, String> extra) {
    public AtsRefs {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static AtsRefs of(String atsCandidateId, String atsApplicationId) {
        return new AtsRefs(atsCandidateId, atsApplicationId, Map.of());
    }

    public AtsRefs with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.put(key, value);
        return new AtsRefs(atsCandidateId, atsApplicationId, m);
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (atsCandidateId != null) m.put("atsCandidateId", atsCandidateId);
        if (atsApplicationId != null) m.put("atsApplicationId", atsApplicationId);
        m.putAll(extra);
        return m;
    }
}
