package io.atsbridge.core.status;

import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.model.ApplicationStatus;
import io.atsbridge.core.provider.ConnectionSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stage names → board statuses (DESIGN.md, default translations): the company's own rules first, then the hub's
 * map from {@code atsbridge.status-map}; the first rule whose text the stage name contains wins. An unmapped active
 * stage is {@code in_review}, logged and counted so the map can be completed.
 */
@Component
public class StatusTranslator {
    private static final Logger log = LoggerFactory.getLogger(StatusTranslator.class);
    private final List<ConnectionSettings.StageRule> defaults = new ArrayList<>();
    private final MeterRegistry meters;

    public StatusTranslator(AtsBridgeProperties props, MeterRegistry meters) {
        this.meters = meters;
        props.getStatusMap().forEach(r -> defaults.add(new ConnectionSettings.StageRule(r.getMatch(), r.getStatus())));
        if (defaults.isEmpty()) {
            // the documented default when application.yaml is absent (tests that build their own properties)
            for (String[] r : new String[][] {{"application review", "applied"}, {"new lead", "applied"}, {"new applicant", "applied"},
                    {"lead-", "applied"}, {"applicant-new", "applied"}, {"screen", "in_review"}, {"review", "in_review"},
                    {"interview", "interviewing"}, {"face to face", "interviewing"}, {"on-site", "interviewing"}, {"onsite", "interviewing"},
                    {"assessment", "interviewing"}, {"offer", "offer"}}) {
                defaults.add(new ConnectionSettings.StageRule(r[0], r[1]));
            }
        }
    }

    public ApplicationStatus forStage(String provider, String stageName, ConnectionSettings settings) {
        if (stageName == null || stageName.isBlank()) {
            return ApplicationStatus.APPLIED;
        }
        String name = stageName.toLowerCase(Locale.ROOT);
        List<ConnectionSettings.StageRule> rules = new ArrayList<>();
        if (settings != null && settings.statusMap() != null) {
            rules.addAll(settings.statusMap());
        }
        rules.addAll(defaults);
        for (ConnectionSettings.StageRule r : rules) {
            if (r.match() != null && name.contains(r.match().toLowerCase(Locale.ROOT))) {
                return ApplicationStatus.fromWire(r.status());
            }
        }
        log.warn("unmapped {} stage '{}': reported as in_review; add a rule to atsbridge.status-map or the company's settings",
                provider, stageName);
        meters.counter("atsbridge.status.unmapped_stage", "provider", provider).increment();
        return ApplicationStatus.IN_REVIEW;
    }
}
