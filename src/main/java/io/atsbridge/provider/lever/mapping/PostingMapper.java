package io.atsbridge.provider.lever.mapping;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.model.JobState;
import io.atsbridge.provider.lever.api.LeverPosting;
import java.time.Instant;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Lever posting → canonical {@link Job} (DESIGN.md, default translations). Null-safe: Lever sends null
 * {@code urls}, {@code distributionChannels} and {@code categories.*} on closed and internal postings.
 */
public final class PostingMapper {
    private PostingMapper() { }

    public static Job toJob(LeverPosting p) {
        LeverPosting.Categories c = p.categories();
        String department = c == null ? null : firstNonBlank(c.department(), c.team());
        String location = c == null ? null : firstNonBlank(c.location(),
                c.allLocations() == null || c.allLocations().isEmpty() ? null : String.join(", ", c.allLocations()));
        return new Job(p.id(), p.text(), descriptionHtml(p.content()), department, location, state(p.state()),
                millis(p.createdAt()), millis(p.updatedAt()), p.urls() == null ? null : p.urls().show());
    }

    /** published/internal → open; closed → closed; draft/pending/rejected → draft. An unknown state is a draft: never shown as open. */
    public static JobState state(String leverState) {
        if (leverState == null) {
            return JobState.DRAFT;
        }
        return switch (leverState.toLowerCase(Locale.ROOT)) {
            case "published", "internal" -> JobState.OPEN;
            case "closed" -> JobState.CLOSED;
            default -> JobState.DRAFT;
        };
    }

    /** {@code descriptionHtml}, then each list as {@code <h3>text</h3><ul>content</ul>}, then {@code closingHtml}. */
    public static String descriptionHtml(LeverPosting.Content content) {
        if (content == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (content.descriptionHtml() != null && !content.descriptionHtml().isBlank()) {
            sb.append(content.descriptionHtml());
        } else if (content.description() != null && !content.description().isBlank()) {
            sb.append("<p>").append(HtmlUtils.htmlEscape(content.description())).append("</p>");
        }
        if (content.lists() != null) {
            for (LeverPosting.ListSection l : content.lists()) {
                if (l == null) {
                    continue;
                }
                if (l.text() != null && !l.text().isBlank()) {
                    sb.append("<h3>").append(HtmlUtils.htmlEscape(l.text())).append("</h3>");
                }
                if (l.content() != null && !l.content().isBlank()) {
                    sb.append("<ul>").append(l.content()).append("</ul>");
                }
            }
        }
        if (content.closingHtml() != null && !content.closingHtml().isBlank()) {
            sb.append(content.closingHtml());
        } else if (content.closing() != null && !content.closing().isBlank()) {
            sb.append("<p>").append(HtmlUtils.htmlEscape(content.closing())).append("</p>");
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static Instant millis(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
