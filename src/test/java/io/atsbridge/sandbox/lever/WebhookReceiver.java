package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A webhook endpoint for tests on a random loopback port; answers the queued statuses, then 200. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String path, Map<String, List<String>> headers, String body, JsonNode json) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (IOException e) {
                json = null;
            }
            received.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), text, json));
            Integer status = statuses.poll();
            int s = status == null ? 200 : status;
            if (s >= 300 && s < 400) ex.getResponseHeaders().add("Location", "http://example.invalid/");
            ex.sendResponseHeaders(s, -1);
            ex.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void respondWith(Integer... s) {
        statuses.addAll(List.of(s));
    }

    List<Received> all() {
        return new ArrayList<>(received);
    }

    List<Received> ofEvent(String event) {
        return received.stream().filter(r -> r.json() != null && event.equals(r.json().path("event").asText())).toList();
    }

    /** Waits until {@code n} deliveries of {@code event} arrived and returns them. */
    List<Received> await(String event, int n) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS)
                .until(() -> ofEvent(event).size() >= n);
        return ofEvent(event);
    }

    void clear() {
        received.clear();
        statuses.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
