package io.atsbridge.provider.greenhouse.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Greenhouse timestamps as UTC instants: ISO-8601 with {@code Z} or an offset ({@code -05:00} on the Job Board API). */
public final class Times {
    private Times() { }

    /** The instant, or null when absent or unreadable (a bad timestamp must not fail a whole import). */
    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the shapes without an offset
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Instant firstOf(String... values) {
        for (String v : values) {
            Instant i = parse(v);
            if (i != null) {
                return i;
            }
        }
        return null;
    }
}
