package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a JSON object against a shape from {@code fixtures/lever/contract-shapes.json} (transcribed from the fact
 * sheet): every required field present, no field the sheet does not name, every value of an allowed JSON type.
 */
final class LeverShapes {
    private static final JsonNode SHAPES = load();

    private LeverShapes() { }

    static void assertShape(JsonNode node, String shape) {
        JsonNode spec = SHAPES.get(shape);
        if (spec == null) throw new IllegalArgumentException("no shape " + shape);
        if (node == null || !node.isObject()) throw new AssertionError(shape + ": expected an object but got " + node);
        List<String> problems = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean optional = e.getKey().endsWith("?");
            String name = optional ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
            known.add(name);
            JsonNode v = node.get(name);
            if (v == null) {
                if (!optional) problems.add("missing field '" + name + "'");
                continue;
            }
            String type = typeOf(v);
            if (!List.of(e.getValue().asText().split("\\|")).contains(type)) {
                problems.add("field '" + name + "' is " + type + ", expected " + e.getValue().asText());
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) problems.add("unexpected field '" + f + "'");
        }
        if (!problems.isEmpty()) throw new AssertionError(shape + " does not match the fact sheet: " + problems + " in " + node);
    }

    static String typeOf(JsonNode v) {
        if (v.isNull()) return "null";
        if (v.isTextual()) return "string";
        if (v.isIntegralNumber()) return "integer";
        if (v.isNumber()) return "number";
        if (v.isBoolean()) return "boolean";
        if (v.isArray()) return "array";
        return "object";
    }

    static JsonNode fixture(String name) {
        try (InputStream in = LeverShapes.class.getResourceAsStream("/fixtures/lever/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        return fixture("contract-shapes.json");
    }
}
