package io.atsbridge.provider.lever.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.atsbridge.core.model.Candidate;
import io.atsbridge.provider.lever.api.OpportunityRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpportunityMapperTest {
    static Candidate candidate(Candidate.Resume resume) {
        return new Candidate("b-1", "Ada", "Lovelace", List.of("ada@example.com", "ada@work.example"),
                List.of(new Candidate.Phone("+44 20 1234", "cell"), new Candidate.Phone("+44 20 9999", "work"), new Candidate.Phone(" ", "home")),
                null, "London", List.of("https://github.com/ada"), resume, "Analytical Engines", "Analyst", null);
    }

    @Test
    void profileBecomesASourcedNewLeadTaggedWithTheBoard() {
        OpportunityRequest r = OpportunityMapper.fromCandidate(candidate(null), "Jopwell", "sourced", null);
        assertThat(r.email()).isEqualTo("ada@example.com");
        assertThat(r.name()).isEqualTo("Ada Lovelace");
        assertThat(r.headline()).isEqualTo("Analyst at Analytical Engines");
        assertThat(r.phones()).containsExactly(new OpportunityRequest.Phone("mobile", "+44 20 1234"), new OpportunityRequest.Phone("work", "+44 20 9999"));
        assertThat(r.tags()).containsExactly("Jopwell");
        assertThat(r.sources()).containsExactly("Jopwell");
        Map<String, Object> body = OpportunityMapper.json(r);
        assertThat(body).containsEntry("origin", "sourced").containsEntry("location", "London")
                .containsEntry("emails", List.of("ada@example.com", "ada@work.example"))
                .doesNotContainKey("stage").doesNotContainKey("postings");
    }

    @Test
    void applicationCarriesExactlyOnePosting() {
        OpportunityRequest r = OpportunityMapper.fromCandidate(candidate(null), "Jopwell", "applied", "p-1");
        assertThat(OpportunityMapper.json(r)).containsEntry("postings", List.of("p-1")).containsEntry("origin", "applied");
    }

    @Test
    void base64ResumeTravelsAsMultipartResumeFile() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8));
        OpportunityRequest r = OpportunityMapper.fromCandidate(candidate(new Candidate.Resume(null, "ada.pdf", pdf)), "Jopwell", "sourced", null);
        String body = new String(OpportunityMapper.multipart(r).bytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"resumeFile\"; filename=\"ada.pdf\"").contains("Content-Type: application/pdf")
                .contains("%PDF-1.4 fake").contains("name=\"emails[]\"").contains("name=\"tags[]\"")
                .contains("name=\"phones[0][type]\"").contains("name=\"origin\"");
    }

    @Test
    void resumeUrlBecomesALink() {
        OpportunityRequest r = OpportunityMapper.fromCandidate(candidate(new Candidate.Resume("https://cdn.example/ada.pdf", null, null)), "B", "sourced", null);
        assertThat(r.resume()).isNull();
        assertThat(r.links()).containsExactly("https://github.com/ada", "https://cdn.example/ada.pdf");
    }
}
