package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Greenhouse's two time spellings: UTC {@code Z} in Ingestion/webhooks, an offset like {@code -05:00} on the Job Board API. */
final class GhTime {
    private static final ZoneId BOARD_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private GhTime() { }

    static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Job post events carry milliseconds ("2017-10-12T15:06:32.691Z"). */
    static String isoMillis(Instant t) {
        return t == null ? null : MILLIS.format(t);
    }

    static String board(Instant t) {
        return t == null ? null : OFFSET.format(t.atZone(BOARD_ZONE));
    }
}
