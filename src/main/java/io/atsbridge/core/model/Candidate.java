package io.atsbridge.core.model;

import java.util.List;

/** A person as the board knows them (DESIGN.md, Candidate). Lists are never null once validated. */
public record Candidate(
        String boardCandidateId,
        String firstName,
        String lastName,
        List<String> emails,
        List<Phone> phones,
        String headline,
        String location,
        List<String> links,
        Resume resume,
        String currentCompany,
        String currentTitle,
        String notes) {

    public Candidate {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    public record Phone(String value, String type) { }

    /** A resume: a URL the ATS fetches, or a base64 PDF we upload. */
    public record Resume(String url, String fileName, String contentBase64) { }
}
