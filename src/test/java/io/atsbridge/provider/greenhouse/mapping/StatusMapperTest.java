package io.atsbridge.provider.greenhouse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.Status.Kind;
import io.atsbridge.provider.greenhouse.Fixtures;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

    @Test
    void pollGivesOneSignalPerApplicationInAnyCase() throws Exception {
        List<PartnerCandidateStatus> read = List.of(new ObjectMapper().readValue(Fixtures.bytes("partner-candidates.json"), PartnerCandidateStatus[].class));
        List<AtsSignal> signals = StatusMapper.fromPoll(read);

        assertThat(signals).containsExactly(
                new AtsSignal.Status("53883394", "69306314", "board-cand-1", null, Kind.STAGE, null, "Phone Screen", null),
                // 69306400: active without a stage says nothing
                new AtsSignal.Status("53883395", "69306500", "board-cand-2", null, Kind.REJECTED, null, "Application Review", null),
                new AtsSignal.Status("53883395", "69306501", "board-cand-2", null, Kind.HIRED, null, "Offer", null));
        // "converted" is not a status we translate
    }

    @Test
    void emptyPollIsUnknownNotDeleted() {
        assertThat(StatusMapper.fromPoll(List.of())).isEmpty();
    }
}
