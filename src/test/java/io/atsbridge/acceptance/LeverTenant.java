package io.atsbridge.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One company connected to its own fresh Lever sandbox account, seen through the board API and the sandbox. */
final class LeverTenant {
    static final String LEVER = "/sandbox/lever";
    final AcceptanceTestBase test;
    final String company;
    final String key;
    JsonNode connection;

    LeverTenant(AcceptanceTestBase test, String customer) {
        this.test = test;
        this.company = AcceptanceTestBase.unique(customer + "-");
        this.key = AcceptanceTestBase.unique("sandbox-" + customer + "-");
    }

    Map<String, Object> connectRequest(Object settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", "lever");
        m.put("apiKey", key);
        m.put("baseUrl", test.base() + LEVER);
        m.put("connectedBy", "admin@" + company + ".example");
        if (settings != null) {
            m.put("settings", settings);
        }
        return m;
    }

    LeverTenant connect(Object settings) {
        connection = test.api("PUT", "/companies/" + company + "/connection", connectRequest(settings), 201);
        return this;
    }

    /** Lever's Data API or control API as the account's key. */
    JsonNode lever(String method, String path, Object body) {
        return test.sandbox(key, method, LEVER + path, body);
    }

    JsonNode control(String method, String path, Object body) {
        return lever(method, "/_control" + path, body);
    }

    /** Every opportunity Lever holds for an email (with their applications). */
    List<JsonNode> opportunities(String email) {
        List<JsonNode> out = new ArrayList<>();
        lever("GET", "/v1/opportunities?expand=applications&email=" + email, null).path("data").forEach(out::add);
        return out;
    }

    JsonNode inspect(String opportunityId) {
        return control("GET", "/opportunities/" + opportunityId, null);
    }

    String stageId(String name) {
        String id = control("GET", "/account", null).path("stages").path(name).asText(null);
        assertThat(id).as("stage " + name).isNotNull();
        return id;
    }

    static String stageOf(JsonNode opportunity) {
        JsonNode s = opportunity.path("stage");
        return s.isObject() ? s.path("id").asText() : s.asText();
    }

    static List<String> postingsOf(JsonNode opportunity) {
        List<String> out = new ArrayList<>();
        opportunity.path("applications").forEach(a -> out.add(a.isObject() ? a.path("posting").asText() : a.asText()));
        return out;
    }

    /** A new posting in the sandbox (as a recruiter creates one); returns its id. */
    String newPosting(Map<String, Object> fields) {
        return control("POST", "/jobs", fields).path("data").path("id").asText();
    }
}
