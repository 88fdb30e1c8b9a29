package io.atsbridge.sandbox.lever;

import io.atsbridge.sandbox.lever.LeverModel.Opportunity;
import java.util.Map;

/** Where an account announces its state changes; the webhook dispatcher fans them out to registered URLs. */
interface LeverEvents {
    /** @param opportunity the subject (for origin conditions), or null */
    void emit(LeverAccount account, String event, Opportunity opportunity, Map<String, Object> data);

    LeverEvents NONE = (a, e, o, d) -> { };
}
