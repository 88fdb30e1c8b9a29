import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP load generator for the benchmarks: THREADS workers send GETs back to back until SECONDS
 * pass or MAX requests were sent, whichever comes first. Loopback only, by design.
 * Usage: java bench/LoadGen.java URL THREADS SECONDS MAX [HEADER=VALUE ...]
 * Prints one line: requests=… seconds=… rps=… p50_ms=… p99_ms=… non2xx=… errors=…
 */
public class LoadGen {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("loopback targets only: " + uri.getHost());
        }
        int threads = Integer.parseInt(args[1]);
        long seconds = Math.min(Long.parseLong(args[2]), 120);            // hard upper bound on duration
        long max = Math.min(Long.parseLong(args[3]), 5_000_000);           // hard upper bound on count
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            rb.header(kv[0], kv[1]);
        }
        HttpRequest req = rb.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sent = new AtomicLong(), non2xx = new AtomicLong(), errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= max) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() / 100 != 2) non2xx.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) all.add(f.get());
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d%n", lat.length, elapsed,
                lat.length / elapsed, pct(lat, 0.50), pct(lat, 0.99), non2xx.get(), errors.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
