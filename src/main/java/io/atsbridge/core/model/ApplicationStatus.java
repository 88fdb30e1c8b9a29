package io.atsbridge.core.model;

/** The board's normalized application statuses (DESIGN.md). */
public enum ApplicationStatus {
    APPLIED, IN_REVIEW, INTERVIEWING, OFFER, HIRED, REJECTED, WITHDRAWN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ApplicationStatus fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
