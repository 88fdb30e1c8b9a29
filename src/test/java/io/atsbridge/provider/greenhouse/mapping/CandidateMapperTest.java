package io.atsbridge.provider.greenhouse.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.model.AtsRefs;
import io.atsbridge.core.model.BoardApplication;
import io.atsbridge.core.model.Candidate;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateRequest;
import io.atsbridge.provider.greenhouse.api.PartnerCandidateResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateMapperTest {
    private final ObjectMapper json = new ObjectMapper();

    static Candidate ada() {
        return new Candidate("board-cand-1", "Ada", "Lovelace", List.of("ada@example.com", "ada@work.example"),
                List.of(new Candidate.Phone("+44 20 7946 0000", "mobile"), new Candidate.Phone("123", "fax")),
                "Poet of numbers", "London, UK",
                List.of("https://www.linkedin.com/in/ada", "github.com/ada", "https://ada.dev"),
                new Candidate.Resume("https://files.example/ada.pdf", "ada.pdf", null),
                "Analytical Engines", "Engineer", "Skills: Bernoulli numbers");
    }

    @Test
    void profileBecomesAProspectWithEveryField() throws Exception {
        JsonNode body = json.valueToTree(CandidateMapper.prospect(ada()));

        assertThat(body.get("prospect").asBoolean()).isTrue();
        assertThat(body.has("job_id")).isFalse();
        assertThat(body.get("external_id").asText()).isEqualTo("board-cand-1");
        assertThat(body.get("first_name").asText()).isEqualTo("Ada");
        assertThat(body.get("last_name").asText()).isEqualTo("Lovelace");
        assertThat(body.get("company").asText()).isEqualTo("Analytical Engines");
        assertThat(body.get("title").asText()).isEqualTo("Engineer");
        assertThat(body.get("resume").asText()).isEqualTo("https://files.example/ada.pdf");
        assertThat(body.get("emails").toString())
                .isEqualTo("[{\"email\":\"ada@example.com\",\"type\":\"personal\"},{\"email\":\"ada@work.example\",\"type\":\"personal\"}]");
        assertThat(body.get("phone_numbers").toString())
                .isEqualTo("[{\"phone_number\":\"+44 20 7946 0000\",\"type\":\"mobile\"},{\"phone_number\":\"123\",\"type\":\"other\"}]");
        assertThat(body.get("addresses").toString()).isEqualTo("[{\"address\":\"London, UK\",\"type\":\"home\"}]");
        assertThat(body.get("social_media").toString())
                .isEqualTo("[{\"url\":\"https://www.linkedin.com/in/ada\"},{\"url\":\"github.com/ada\"}]");
        assertThat(body.get("websites").toString()).isEqualTo("[{\"url\":\"https://ada.dev\",\"type\":\"personal\"}]");
        assertThat(body.get("notes").asText()).isEqualTo("Headline: Poet of numbers\n\nSkills: Bernoulli numbers");
        assertThat(body.has("tags")).isFalse();
        assertThat(body.has("source")).isFalse();
    }

    @Test
    void applicationGoesOnTheLinkedJobAsNonProspect() throws Exception {
        PartnerCandidateRequest r = CandidateMapper.application(
                new BoardApplication("board-app-9", "board-job-3", "4012345002", ada(), Instant.parse("2026-11-23T10:00:00Z")));
        JsonNode body = json.valueToTree(r);

        assertThat(body.get("prospect").isBoolean()).isTrue();
        assertThat(body.get("prospect").asBoolean()).isFalse();
        assertThat(body.get("job_id").isIntegralNumber()).isTrue();
        assertThat(body.get("job_id").asLong()).isEqualTo(4012345002L);
        assertThat(body.get("external_id").asText()).isEqualTo("board-cand-1");
    }

    @Test
    void refusesWhatGreenhouseWouldRefuseBeforeAnyCall() {
        Candidate noLast = new Candidate("c1", "Ada", " ", List.of(), List.of(), null, null, List.of(), null, null, null, null);
        assertThatThrownBy(() -> CandidateMapper.prospect(noLast)).isInstanceOf(AtsException.class)
                .satisfies(e -> assertThat(((AtsException) e).kind()).isEqualTo(AtsException.Kind.REFUSED));
        Candidate noId = new Candidate(null, "Ada", "L", List.of(), List.of(), null, null, List.of(), null, null, null, null);
        assertThatThrownBy(() -> CandidateMapper.prospect(noId)).hasMessageContaining("external_id");
        assertThatThrownBy(() -> CandidateMapper.application(new BoardApplication("a", "j", null, ada(), null)))
                .hasMessageContaining("not linked");
        assertThatThrownBy(() -> CandidateMapper.application(new BoardApplication("a", "j", "abc", ada(), null)))
                .hasMessageContaining("not a Greenhouse job id");
    }

    @Test
    void base64ResumeCannotTravelSoTheProfileSaysSo() throws Exception {
        Candidate c = new Candidate("c1", "Ada", "L", List.of(), List.of(), null, null, List.of(),
                new Candidate.Resume(null, "cv.pdf", "JVBERi0x"), null, null, null);
        PartnerCandidateRequest r = CandidateMapper.prospect(c);
        assertThat(r.resume()).isNull();
        assertThat(r.notes()).contains("resume URLs only");
        assertThat(json.valueToTree(r).has("phone_numbers")).isFalse();
    }

    @Test
    void answerBecomesRefs() throws Exception {
        AtsRefs refs = CandidateMapper.refs(new PartnerCandidateResponse("53883394", "69306314", "board-cand-1", "https://app.greenhouse.io/people/53883394"));
        assertThat(refs.atsCandidateId()).isEqualTo("53883394");
        assertThat(refs.atsApplicationId()).isEqualTo("69306314");
        assertThat(refs.extra()).containsEntry("profileUrl", "https://app.greenhouse.io/people/53883394");
        assertThatThrownBy(() -> CandidateMapper.refs(new PartnerCandidateResponse(null, null, null, null)))
                .satisfies(e -> assertThat(((AtsException) e).kind()).isEqualTo(AtsException.Kind.AMBIGUOUS));
    }

    @Test
    void responseIdsAreReadFromNumbers() throws Exception {
        PartnerCandidateResponse r = json.readValue(
                "{\"id\":4012345678901,\"application_id\":69306314,\"external_id\":\"board-cand-1\",\"profile_url\":\"u\",\"extra\":1}",
                PartnerCandidateResponse.class);
        assertThat(r.id()).isEqualTo("4012345678901");
        assertThat(r.applicationId()).isEqualTo("69306314");
    }
}
