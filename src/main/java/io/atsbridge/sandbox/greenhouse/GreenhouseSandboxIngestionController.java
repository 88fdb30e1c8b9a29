package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Candidate Ingestion API (fact sheet §1) under {@code /sandbox/greenhouse/v1/partner}. Basic auth with the key as
 * username and a mandatory {@code On-Behalf-Of} e-mail of an active user (401 otherwise). A Bearer token stands for an
 * OAuth access token: it carries its user, so On-Behalf-Of is optional there.
 */
@RestController
@GreenhouseSandboxEnabled
@RequestMapping(path = "/sandbox/greenhouse/v1/partner", produces = MediaType.APPLICATION_JSON_VALUE)
public class GreenhouseSandboxIngestionController {
    private final GreenhouseSandboxStore store;
    private final GreenhouseSandboxService service;

    public GreenhouseSandboxIngestionController(GreenhouseSandboxStore store, GreenhouseSandboxService service) {
        this.store = store;
        this.service = service;
    }

    record Caller(GhAccount account, GhModel.User user) { }

    @GetMapping("/current_user")
    Map<String, Object> currentUser(HttpServletRequest req) {
        Caller c = caller(req);
        return store.read(c.account(), a -> GhPayloads.currentUser(c.user()));
    }

    /** Open jobs only; {@code status} is always "open"; {@code public} = has a live post. */
    @GetMapping("/jobs")
    List<Object> jobs(HttpServletRequest req) {
        Caller c = caller(req);
        return store.read(c.account(), a -> {
            List<Object> out = new ArrayList<>();
            a.jobs.values().stream().filter(j -> "open".equals(j.status)).forEach(j -> out.add(GhPayloads.partnerJob(a, j)));
            return out;
        });
    }

    @PostMapping(path = "/candidates", consumes = MediaType.ALL_VALUE)
    Object createCandidates(HttpServletRequest req, @RequestBody(required = false) String body) {
        Caller c = caller(req);
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : GhJson.PLAIN.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GhError(400, "Your request included invalid JSON.");
        }
        return service.createCandidates(c.account(), c.user(), json);
    }

    @GetMapping("/candidates")
    List<Object> candidates(HttpServletRequest req, @RequestParam(name = "candidate_ids", required = false) String ids) {
        Caller c = caller(req);
        requireFullUser(c, "retrieve candidates");
        if (ids == null || ids.isBlank()) {
            throw new GhError(400, "candidate_ids is required", "candidate_ids");
        }
        List<Long> list = new ArrayList<>();
        for (String s : ids.split(",")) {
            String t = s.trim();
            if (t.matches("\\d{1,18}")) {
                list.add(Long.parseLong(t));
            }
            if (list.size() >= 500) {
                break;
            }
        }
        return service.partnerCandidates(c.account(), list);
    }

    @PostMapping(path = "/tracking_link", consumes = MediaType.ALL_VALUE)
    Map<String, Object> trackingLink(HttpServletRequest req, @RequestBody(required = false) String body) {
        Caller c = caller(req);
        requireFullUser(c, "create tracking links");
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : GhJson.PLAIN.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GhError(400, "Your request included invalid JSON.");
        }
        JsonNode jobId = json == null ? null : json.get("job_id");
        if (jobId == null || !(jobId.isIntegralNumber() || (jobId.isTextual() && jobId.textValue().matches("\\d{1,18}")))) {
            throw new GhError(400, "job_id is required", "job_id");
        }
        return service.trackingLink(c.account(), c.user(), jobId.asLong());
    }

    @GetMapping("/prospect_pools")
    List<Object> prospectPools(HttpServletRequest req) {
        Caller c = caller(req);
        return store.read(c.account(), a -> {
            List<Object> out = new ArrayList<>();
            a.pools.values().forEach(p -> {
                Map<String, Object> m = GhPayloads.idName(p.id, p.name);
                List<Object> stages = new ArrayList<>();
                p.stages.forEach(s -> stages.add(GhPayloads.idName(s.id, s.name)));
                m.put("stages", stages);
                out.add(m);
            });
            return out;
        });
    }

    private Caller caller(HttpServletRequest req) {
        GhAuth.Credentials cred = GhAuth.credentials(req);
        if (cred == null) {
            throw new GhError(401, "Authentication required: send the Partner API key as the Basic auth username");
        }
        GhAccount a = store.accountForKey(cred.key());
        if (a == null) {
            throw new GhError(401, "Invalid API key");
        }
        String onBehalfOf = req.getHeader("On-Behalf-Of");
        GhModel.User user;
        if (onBehalfOf == null || onBehalfOf.isBlank()) {
            if (!cred.bearer()) {
                throw new GhError(401, "The On-Behalf-Of header is required");
            }
            user = store.read(a, x -> x.activeUserByEmail(GhDemoSeed.INTEGRATION_USER));
        } else {
            user = store.read(a, x -> x.activeUserByEmail(onBehalfOf));
        }
        if (user == null) {
            throw new GhError(401, "On-Behalf-Of must be the e-mail address of an active user");
        }
        return new Caller(a, user);
    }

    private static void requireFullUser(Caller c, String what) {
        if (c.user().basic) {
            throw new GhError(403, "Basic users cannot " + what);
        }
    }
}
