package io.atsbridge.provider.greenhouse.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsSignal;
import io.atsbridge.core.provider.AtsSignal.JobChange;
import io.atsbridge.provider.greenhouse.api.WebhookApplication;
import io.atsbridge.provider.greenhouse.api.WebhookJob;
import io.atsbridge.provider.greenhouse.api.WebhookJobPost;
import io.atsbridge.provider.greenhouse.api.WebhookPerson;
import io.atsbridge.provider.greenhouse.mapping.JobMapper;
import io.atsbridge.provider.greenhouse.mapping.StatusMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A verified Greenhouse webhook body ({@code {"action", "payload"}}) → canonical signals (fact sheet §4.5). Unknown
 * actions and unknown fields are ignored; every nested object is optional.
 */
public final class WebhookParser {
    /** Application events whose payload is {@code payload.application}. */
    static final Set<String> APPLICATION_ACTIONS = Set.of("new_candidate_application", "new_prospect_application",
            "application_updated", "candidate_stage_change", "hire_candidate", "reject_candidate", "unreject_candidate",
            "unhire_candidate");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WebhookParser() { }

    /** The {@code action} of a body, or null when it is not a JSON object with one. */
    public static String action(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode a = root == null ? null : root.get("action");
            return a == null || !a.isTextual() ? null : a.asText();
        } catch (IOException e) {
            return null;
        }
    }

    public static List<AtsSignal> parse(byte[] body) throws AtsException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw AtsException.refused("the webhook body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw AtsException.refused("the webhook body is not a JSON object");
        }
        String action = root.path("action").asText("").trim().toLowerCase(Locale.ROOT);
        JsonNode payload = root.path("payload");
        try {
            if (APPLICATION_ACTIONS.contains(action)) {
                return StatusMapper.fromApplicationEvent(action, read(payload.get("application"), WebhookApplication.class));
            }
            return switch (action) {
                case "delete_candidate" -> StatusMapper.fromDeletedPerson(read(payload.get("person"), WebhookPerson.class));
                case "job_created", "job_updated" -> jobChange(read(payload.get("job"), WebhookJob.class));
                case "job_deleted" -> {
                    WebhookJob j = read(payload.get("job"), WebhookJob.class);
                    yield j == null || j.id() == null ? List.of() : List.of(new JobChange(j.id(), JobChange.Kind.DELETED, null));
                }
                case "job_post_created", "job_post_updated" -> postChange(read(payload, WebhookJobPost.class));
                case "job_post_deleted" -> {
                    // the deleted post is nested one level deeper than created/updated (fact sheet §5.9)
                    JsonNode nested = payload.has("job_post") ? payload.get("job_post") : payload;
                    WebhookJobPost p = read(nested, WebhookJobPost.class);
                    yield p == null || p.jobId() == null ? List.of() : List.of(new JobChange(p.jobId(), JobChange.Kind.CLOSED, null));
                }
                default -> List.of(); // ping and events we do not translate
            };
        } catch (JsonProcessingException e) {
            throw AtsException.refused("the " + action + " webhook payload has an unexpected shape: " + e.getOriginalMessage());
        }
    }

    private static List<AtsSignal> jobChange(WebhookJob j) {
        if (j == null || j.id() == null) {
            return List.of();
        }
        var job = JobMapper.fromWebhook(j);
        JobChange.Kind kind = job.state() == io.atsbridge.core.model.JobState.CLOSED ? JobChange.Kind.CLOSED : JobChange.Kind.UPSERT;
        return List.of(new JobChange(j.id(), kind, job));
    }

    /**
     * A post's {@code live} flag is the public posting: unpublished → CLOSED, published → UPSERT (open). A prospect
     * post (no {@code job_id}) is not a job.
     */
    private static List<AtsSignal> postChange(WebhookJobPost p) {
        if (p == null || p.jobId() == null) {
            return List.of();
        }
        if (Boolean.FALSE.equals(p.live())) {
            return List.of(new JobChange(p.jobId(), JobChange.Kind.CLOSED, null));
        }
        if (Boolean.TRUE.equals(p.live())) {
            return List.of(new JobChange(p.jobId(), JobChange.Kind.UPSERT, JobMapper.fromWebhookPost(p)));
        }
        return List.of();
    }

    private static <T> T read(JsonNode node, Class<T> type) throws JsonProcessingException {
        if (node == null || node.isNull() || node.isMissingNode() || !node.isObject()) {
            return null;
        }
        return JSON.treeToValue(node, type);
    }
}
