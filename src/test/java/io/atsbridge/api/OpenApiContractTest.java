package io.atsbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.testsupport.TestProvider;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The OpenAPI document is the board API contract: every board API route the application serves must be in it, with
 * its method and path exactly. Same context annotations as EngineTestBase, so the Spring context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestProvider.class)
class OpenApiContractTest {
    /**
     * true: a documented operation without a route fails too. Set it to false (the gap is then only printed) while
     * an operation is documented ahead of its route.
     */
    static final boolean EVERY_DOCUMENTED_OPERATION_MUST_BE_SERVED = true;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode doc;

    @Autowired
    CamelContext camel;
    @LocalServerPort
    int port;

    @BeforeAll
    static void readDocument() throws Exception {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(OpenApiRoute.DOCUMENT)) {
            assertThat(in).as(OpenApiRoute.DOCUMENT).isNotNull();
            doc = JSON.readTree(in);
        }
    }

    @Test
    void everyBoardApiRouteIsDocumented() {
        Set<String> served = servedOperations();
        Set<String> documented = documentedOperations();
        assertThat(served).as("board API routes in the CamelContext").contains("GET /api/v1/providers", "GET /api/v1/openapi.json");

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        assertThat(undocumented).as("routes under /api/v1 missing from " + OpenApiRoute.DOCUMENT).isEmpty();

        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        if (!notServed.isEmpty()) {
            System.out.println("OpenApiContractTest: documented but not served yet (" + notServed.size() + "):");
            notServed.forEach(o -> System.out.println("  " + o));
        }
        if (EVERY_DOCUMENTED_OPERATION_MUST_BE_SERVED) {
            assertThat(notServed).as("documented operations without a route").isEmpty();
        }
    }

    @Test
    void theDocumentIsServedWithoutATokenAndEchoesNoHeader() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi.json"))
                .header("X-Probe", "probe-7f3a").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Probe"));
        assertThat(JSON.readTree(r.body())).isEqualTo(doc);
    }

    @Test
    void theDocumentIsWellFormed() {
        assertThat(doc.path("openapi").asText()).startsWith("3.0.");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();

        // every $ref resolves
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        }

        Set<String> ids = new HashSet<>();
        Pattern var = Pattern.compile("\\{([^}]+)}");
        doc.path("paths").fields().forEachRemaining(p -> {
            Set<String> inPath = new TreeSet<>();
            Matcher m = var.matcher(p.getKey());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            p.getValue().fields().forEachRemaining(o -> {
                if (!METHODS.contains(o.getKey())) {
                    return;
                }
                String where = o.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
                JsonNode op = o.getValue();
                assertThat(ids.add(op.path("operationId").asText())).as("unique operationId of " + where).isTrue();
                assertThat(op.path("responses").size()).as(where + " responses").isPositive();
                Set<String> declared = new TreeSet<>();
                for (JsonNode params : List.of(p.getValue().path("parameters"), op.path("parameters"))) {
                    params.forEach(pr -> {
                        JsonNode resolved = pr.has("$ref") ? doc.at(pr.get("$ref").asText().substring(1)) : pr;
                        if ("path".equals(resolved.path("in").asText())) {
                            declared.add(resolved.path("name").asText());
                        }
                    });
                }
                assertThat(declared).as(where + " path parameters").isEqualTo(inPath);
                boolean open = op.has("security") && op.get("security").isEmpty();
                if (p.getKey().startsWith("/api/")) {
                    // the only public board API paths are the ones SecurityConfig lets through without a token
                    assertThat(open).as(where + " public").isEqualTo(Set.of("/api/v1/openapi.json", "/api/v1/oauth/lever/callback").contains(p.getKey()));
                    if (!open) {
                        assertThat(op.path("responses").has("401")).as(where + " documents 401").isTrue();
                    }
                }
            });
        });
        // the error answers DESIGN.md promises
        for (String code : List.of("400", "401", "404", "409", "413", "422")) {
            assertThat(doc.at("/components/responses/E" + code + "/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Error");
        }
        assertThat(doc.at("/components/schemas/Error/required").toString()).contains("error", "message");
    }

    /** "METHOD /path" of every platform-http route under /api/v1 in the running CamelContext. */
    private Set<String> servedOperations() {
        Set<String> out = new TreeSet<>();
        for (Route r : camel.getRoutes()) {
            if (r.getEndpoint() instanceof PlatformHttpEndpoint e && e.getPath().startsWith("/api/v1")) {
                String restrict = e.getHttpMethodRestrict();
                assertThat(restrict).as("route " + r.getRouteId() + " restricts its HTTP method").isNotBlank();
                for (String m : restrict.split(",")) {
                    out.add(m.trim().toUpperCase(Locale.ROOT) + " " + e.getPath());
                }
            }
        }
        return out;
    }

    private static Set<String> documentedOperations() {
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/api/v1")) {
                continue;
            }
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                }
            });
        }
        return out;
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    out.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
