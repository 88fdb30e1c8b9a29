package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Greenhouse's two time spellings: UTC {@code Z} in Ingestion/webhooks, an offset like {@code -05:00} on the Job Board API. */
final class GhTime {
    private static final ZoneId BOARD_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private GhTime() { }

    static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String board(Instant t) {
        return t == null ? null : OFFSET.format(t.atZone(BOARD_ZONE));
    }
}
