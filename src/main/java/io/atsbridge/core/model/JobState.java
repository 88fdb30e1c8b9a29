package io.atsbridge.core.model;

public enum JobState {
    OPEN, CLOSED, DRAFT, DELETED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static JobState fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
