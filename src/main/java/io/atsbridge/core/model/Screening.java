package io.atsbridge.core.model;

/** A screening result with its transcript (the Upwage case). The transcript is a PDF, base64 in the request. */
public record Screening(String screeningId, Candidate candidate, String atsJobId, Outcome outcome,
                        String transcriptBase64, String transcriptFileName, String transcriptSha256, String summary) {
    public enum Outcome { PASSED, FAILED, INCOMPLETE }
}
