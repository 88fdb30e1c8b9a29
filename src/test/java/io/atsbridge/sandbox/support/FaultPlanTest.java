package io.atsbridge.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    @Test
    void countersAreConsumedInOrderResetThenStormThenErrors() {
        FaultPlan p = new FaultPlan();
        p.configure(Map.of("resetNext", 1, "rateLimitStorm", 2, "errorRate", 1.0, "commitThenDrop", 1));
        assertThat(p.next()).isEqualTo(FaultPlan.Action.RESET);
        assertThat(p.next()).isEqualTo(FaultPlan.Action.RATE_LIMITED);
        assertThat(p.next()).isEqualTo(FaultPlan.Action.RATE_LIMITED);
        assertThat(p.next()).isEqualTo(FaultPlan.Action.SERVER_ERROR);
        assertThat(p.takeCommitThenDrop()).isTrue();
        assertThat(p.takeCommitThenDrop()).isFalse();
        p.reset();
        assertThat(p.next()).isEqualTo(FaultPlan.Action.NONE);
        assertThat(p.view()).containsEntry("errorRate", 0.0).containsEntry("resetNext", 0);
    }

    @Test
    void refusesNonsense() {
        FaultPlan p = new FaultPlan();
        assertThatThrownBy(() -> p.configure(Map.of("errorRate", 1.2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.configure(Map.of("errorStatus", 429))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.configure(Map.of("slowMs", "soon"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.configure(Map.of("resetNext", -2))).isInstanceOf(IllegalArgumentException.class);
    }
}
