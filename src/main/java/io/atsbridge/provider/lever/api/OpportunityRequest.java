package io.atsbridge.provider.lever.api;

import java.util.List;

/**
 * The data type {@code lever:opportunity}: the body of {@code POST /v1/opportunities} (providers/lever.md §6.2) plus
 * what the flow needs to find an existing candidacy first ({@code email}, {@code postingId}). No {@code stage}: Lever
 * puts new candidacies in New Lead. {@link #toString()} leaves out personal data.
 *
 * @param postingId the posting of an application or screening, null for a profile export
 * @param resume a file to send as {@code resumeFile}, or null
 */
public record OpportunityRequest(String email, String name, String headline, String location, List<String> emails,
                                 List<Phone> phones, List<String> links, List<String> tags, List<String> sources,
                                 String origin, String postingId, FileUpload resume) {

    public OpportunityRequest {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        links = links == null ? List.of() : List.copyOf(links);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public record Phone(String type, String value) { }

    /** A file for Lever: name, media type and bytes. */
    public record FileUpload(String fileName, String contentType, byte[] content) {
        @Override
        public String toString() {
            return "FileUpload[" + fileName + ", " + (content == null ? 0 : content.length) + " bytes]";
        }
    }

    @Override
    public String toString() {
        return "OpportunityRequest[origin=" + origin + ", posting=" + postingId + ", tags=" + tags + "]";
    }
}
