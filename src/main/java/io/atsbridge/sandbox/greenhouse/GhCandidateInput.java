package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One validated {@code POST /v1/partner/candidates} item (fact sheet §1.3). Parsed under the account lock. */
final class GhCandidateInput {
    private static final Set<String> PHONE_TYPES = Set.of("mobile", "home", "work", "other");
    private static final Set<String> EMAIL_TYPES = Set.of("personal", "work", "other");
    private static final Set<String> ADDRESS_TYPES = Set.of("home", "work", "other");
    private static final Set<String> WEBSITE_TYPES = Set.of("personal", "company", "portfolio", "blog", "other");

    boolean prospect;
    GhModel.Job job;
    String firstName;
    String lastName;
    String externalId;
    String company;
    String title;
    String resumeUrl;
    String notes;
    List<Map<String, Object>> phoneNumbers;
    List<Map<String, Object>> emailAddresses;
    List<Map<String, Object>> addresses;
    List<Map<String, Object>> websiteAddresses;
    List<Map<String, Object>> socialMediaAddresses;
    GhModel.User referrer;
    GhModel.ProspectPool pool;
    GhModel.Stage poolStage;
    GhModel.User prospectOwner;

    static GhCandidateInput parse(GhAccount a, JsonNode n) {
        if (!n.isObject()) {
            throw new GhError(400, "Each candidate must be a JSON object");
        }
        GhCandidateInput in = new GhCandidateInput();
        in.prospect = bool(n, "prospect", true);
        in.firstName = requiredText(n, "first_name");
        in.lastName = requiredText(n, "last_name");
        in.externalId = requiredText(n, "external_id");
        in.company = text(n, "company");
        in.title = text(n, "title");
        in.resumeUrl = text(n, "resume");
        in.notes = text(n, "notes");

        Long jobId = id(n, "job_id");
        if (!in.prospect && jobId == null) {
            throw new GhError(400, "job_id is required when prospect is false", "job_id");
        }
        if (jobId != null) {
            GhModel.Job job = a.jobs.get(jobId);
            if (job == null) {
                throw new GhError(404, "Job " + jobId + " not found", "job_id");
            }
            if (!"open".equals(job.status)) {
                throw new GhError(400, "Job " + jobId + " is not open", "job_id");
            }
            in.job = job;
        }

        Long poolId = id(n, "prospect_pool_id");
        Long poolStageId = id(n, "prospect_pool_stage_id");
        if (poolStageId != null && poolId == null) {
            throw new GhError(400, "prospect_pool_id is required when prospect_pool_stage_id is given", "prospect_pool_id");
        }
        if (poolId != null) {
            if (!in.prospect) {
                throw new GhError(400, "prospect_pool_id requires prospect to be true", "prospect_pool_id");
            }
            in.pool = a.pools.get(poolId);
            if (in.pool == null) {
                throw new GhError(400, "Prospect pool " + poolId + " not found", "prospect_pool_id");
            }
            if (poolStageId != null) {
                in.poolStage = in.pool.stages.stream().filter(s -> s.id == poolStageId).findFirst()
                        .orElseThrow(() -> new GhError(400, "prospect_pool_stage_id does not belong to the prospect pool",
                                "prospect_pool_stage_id"));
            }
        }
        String owner = text(n, "prospect_owner_email");
        if (owner != null) {
            if (!in.prospect) {
                throw new GhError(400, "prospect_owner_email requires prospect to be true", "prospect_owner_email");
            }
            in.prospectOwner = a.activeUserByEmail(owner);
            if (in.prospectOwner == null) {
                throw new GhError(400, "No active user with that email", "prospect_owner_email");
            }
        }
        JsonNode ref = n.get("referrer");
        if (ref != null && !ref.isNull()) {
            if (!ref.isObject()) {
                throw new GhError(400, "referrer must be an object", "referrer");
            }
            String email = text(ref, "email");
            in.referrer = email == null ? null : a.userByEmail(email);
            if (in.referrer == null && email != null) {
                // not a user: Greenhouse creates a Referrer record; modelled as a detached user
                GhModel.User r = new GhModel.User();
                r.id = a.nextId();
                r.email = email;
                r.firstName = String.valueOf(text(ref, "first_name"));
                r.lastName = String.valueOf(text(ref, "last_name"));
                in.referrer = r;
            }
        }
        in.phoneNumbers = list(n, "phone_numbers", "phone_number", PHONE_TYPES);
        in.emailAddresses = list(n, "emails", "email", EMAIL_TYPES);
        in.addresses = list(n, "addresses", "address", ADDRESS_TYPES);
        in.websiteAddresses = list(n, "websites", "url", WEBSITE_TYPES);
        in.socialMediaAddresses = list(n, "social_media", "url", null);
        return in;
    }

    /** Request {@code {email,type}} items become the webhook spelling {@code {value,type}}. */
    private static List<Map<String, Object>> list(JsonNode n, String field, String valueKey, Set<String> types) {
        JsonNode arr = n.get(field);
        if (arr == null || arr.isNull()) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw new GhError(400, field + " must be an array", field);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode item : arr) {
            String value = item.isObject() ? text(item, valueKey) : null;
            if (value == null) {
                throw new GhError(400, field + "[]." + valueKey + " is required", field);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", value);
            if (types != null) {
                String type = text(item, "type");
                if (type == null || !types.contains(type)) {
                    throw new GhError(400, field + "[].type must be one of " + String.join(", ", types.stream().sorted().toList()),
                            field);
                }
                m.put("type", type);
            }
            out.add(m);
        }
        return out;
    }

    private static boolean bool(JsonNode n, String field, boolean dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // the docs' own example sends "true" as a string
        if (v.isTextual() && ("true".equalsIgnoreCase(v.textValue()) || "false".equalsIgnoreCase(v.textValue()))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new GhError(400, field + " must be a boolean", field);
    }

    private static Long id(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToLong() && v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual() && v.textValue().matches("\\d{1,18}")) {
            return Long.parseLong(v.textValue());
        }
        throw new GhError(400, field + " must be an integer", field);
    }

    private static String requiredText(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new GhError(400, field + " is required", field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new GhError(400, field + " must be a string", field);
    }
}
