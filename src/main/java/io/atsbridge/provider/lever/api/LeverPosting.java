package io.atsbridge.provider.lever.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A posting as {@code GET /v1/postings} returns it (providers/lever.md §6.1). Any nested object may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeverPosting(String id, String text, Long createdAt, Long updatedAt, String state, String confidentiality,
                           List<String> distributionChannels, Categories categories, Content content, Urls urls,
                           List<String> tags, String workplaceType) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Categories(String team, String department, String location, String commitment, String level,
                             List<String> allLocations) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String description, String descriptionHtml, List<ListSection> lists, String closing, String closingHtml) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListSection(String text, String content) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Urls(String list, String show, String apply) { }
}
