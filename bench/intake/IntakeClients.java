import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N closed-loop clients, each filing cases with POST /api/v1/cases (a fresh Idempotency-Key per case) for a given
 * number of seconds after a warm-up; prints "cases/s p50 p99 errors" on one line. Run with the JDK's source launcher:
 * java IntakeClients.java URL TOKEN GRID_UNIT_ID CLIENTS WARMUP_SECONDS SECONDS
 */
public class IntakeClients {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        long grid = Long.parseLong(args[2]);
        int clients = Integer.parseInt(args[3]);
        long warmup = Long.parseLong(args[4]) * 1_000_000_000L;
        long measured = Long.parseLong(args[5]) * 1_000_000_000L;
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long from = start + warmup;
        long until = from + measured;
        List<List<Long>> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int client = c;
            new Thread(() -> {
                try {
                    for (int i = 0; System.nanoTime() < until; i++) {
                        String key = "bench-" + run + "-" + client + "-" + i;
                        String body = "{\"gridUnitId\":" + grid + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                                + "\"channel\":\"GRID_WORKER\",\"address\":\"书香新村2号楼3单元\",\"description\":\""
                                + "楼道堆放杂物，影响通行，请尽快处理 " + key + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").header("Accept", "application/json")
                                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        }
                        catch (Exception ex) {
                            status = -1;
                        }
                        long answered = System.nanoTime();
                        if (sent >= from && answered <= until) {
                            if (status == 201) {
                                mine.add(answered - sent);
                            }
                            else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }
                finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        all.sort(null);
        double seconds = measured / 1e9;
        System.out.printf("%.1f %.1f %.1f %d%n", all.size() / seconds, percentile(all, 50), percentile(all, 99),
                errors.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = Math.max(1, (int) Math.ceil(sorted.size() * p / 100.0));
        return sorted.get(i - 1) / 1e6;
    }
}
