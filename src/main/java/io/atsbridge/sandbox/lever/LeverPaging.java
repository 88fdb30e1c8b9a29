package io.atsbridge.sandbox.lever;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Lever's list envelope {@code {data, hasNext, next}} with opaque offset tokens. A token is a cursor (sort key of the
 * first item of the next page) sealed with a MAC bound to the account and the list, so a token Lever did not hand
 * out is refused with 400, and deleting an item between pages neither repeats nor skips the others.
 */
final class LeverPaging {
    private LeverPaging() { }

    static int limit(String raw) {
        if (raw == null) return 100;
        try {
            int l = Integer.parseInt(raw.trim());
            if (l >= 1 && l <= 100) return l;
        } catch (NumberFormatException ignored) {
            // falls through to the documented 400
        }
        throw LeverError.badRequest("Invalid limit parameter: must be an integer between 1 and 100");
    }

    /**
     * @param items already filtered and sorted by (createdAt, id) ascending
     */
    static <T> Map<String, Object> page(LeverAccounts accounts, LeverAccount a, String list, List<T> items,
                                        ToLongFunction<T> createdAt, Function<T, String> id, String limitRaw,
                                        String offset, Function<T, Map<String, Object>> render) {
        int limit = limit(limitRaw);
        int start = 0;
        if (offset != null) {
            String[] parts = offset.split("\\.");
            long ts;
            if (parts.length != 4 || !"0".equals(parts[0])) throw invalidOffset();
            try {
                ts = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw invalidOffset();
            }
            if (!accounts.mac(a.id + "|" + list + "|" + parts[1] + "|" + parts[2]).equals(parts[3])) throw invalidOffset();
            String cursorId = parts[2];
            start = items.size();
            for (int i = 0; i < items.size(); i++) {
                T t = items.get(i);
                long c = createdAt.applyAsLong(t);
                if (c > ts || (c == ts && id.apply(t).compareTo(cursorId) >= 0)) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(items.size(), start + limit);
        List<Map<String, Object>> data = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) data.add(render.apply(items.get(i)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        boolean hasNext = end < items.size();
        m.put("hasNext", hasNext);
        if (hasNext) {
            T next = items.get(end);
            String ts = Long.toString(createdAt.applyAsLong(next));
            String nid = id.apply(next);
            m.put("next", "0." + ts + "." + nid + "." + accounts.mac(a.id + "|" + list + "|" + ts + "|" + nid));
        }
        return m;
    }

    /** An unpaged list in the same envelope (stages, users, …). */
    static Map<String, Object> all(List<Map<String, Object>> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("hasNext", false);
        return m;
    }

    private static LeverError invalidOffset() {
        return LeverError.badRequest("Invalid offset token: you can only pass in an offset that was returned to you");
    }
}
