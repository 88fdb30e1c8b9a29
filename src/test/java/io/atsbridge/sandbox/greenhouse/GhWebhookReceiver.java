package io.atsbridge.sandbox.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on a loopback port that keeps the raw bytes of every delivery and verifies the signature the way
 * a receiver must: HMAC-SHA256 over the raw body, computed here independently of the sandbox code.
 */
final class GhWebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(byte[] raw, String signature, String eventId, String userAgent, String authorization, String custom) {
        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String action() {
            return json().get("action").asText();
        }

        /** Splits on the first space, compares in constant time, as the fact sheet prescribes. */
        boolean verifies(String secret) {
            if (signature == null || !signature.startsWith("sha256 ")) {
                return false;
            }
            try {
                String expected = GhJsonTest.hmacHex(secret, raw);
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        signature.substring("sha256 ".length()).getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Statuses to answer, in order; once empty every request gets 200. */
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    GhWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", ex -> {
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            received.add(new Received(raw, ex.getRequestHeaders().getFirst("Signature"),
                    ex.getRequestHeaders().getFirst("Greenhouse-Event-ID"), ex.getRequestHeaders().getFirst("User-Agent"),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("X-Custom")));
            Integer status = answers.poll();
            ex.sendResponseHeaders(status == null ? 200 : status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> byAction(String action) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (action.equals(r.action())) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
