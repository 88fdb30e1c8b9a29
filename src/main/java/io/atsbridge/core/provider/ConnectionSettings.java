package io.atsbridge.core.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Per-company settings (DESIGN.md, Connection settings). Any field may be null: the hub's defaults apply.
 *
 * @param sourceName the tag/source written in the ATS (default {@code atsbridge.board.name})
 * @param defaultStage the ATS stage new candidates land in, when the provider supports choosing
 * @param applicationOrigin Lever origin for applications ({@code applied} by default)
 * @param syncIntervalMinutes how often jobs are imported (default 360)
 * @param screening tag template and stage per outcome, with per-job overrides
 * @param statusMap stage-name rules that come before the hub's default map
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionSettings(
        String sourceName,
        String defaultStage,
        String applicationOrigin,
        Integer syncIntervalMinutes,
        Screening screening,
        List<StageRule> statusMap) {

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(null, null, null, null, null, null);
    }

    public String sourceNameOr(String boardName) {
        return sourceName == null || sourceName.isBlank() ? boardName : sourceName;
    }

    /**
     * @param tagTemplate e.g. {@code "UW Screened: {outcome}"}
     * @param stageByOutcome outcome ({@code PASSED}…) → ATS stage name or id; absent = stay
     * @param jobs per ATS job overrides of the two above
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Screening(String tagTemplate, Map<String, String> stageByOutcome, Map<String, Screening> jobs) {
        public Screening forJob(String atsJobId) {
            Screening o = jobs == null || atsJobId == null ? null : jobs.get(atsJobId);
            if (o == null) {
                return this;
            }
            return new Screening(o.tagTemplate != null ? o.tagTemplate : tagTemplate,
                    o.stageByOutcome != null ? o.stageByOutcome : stageByOutcome, null);
        }
    }

    public record StageRule(String match, String status) { }
}
