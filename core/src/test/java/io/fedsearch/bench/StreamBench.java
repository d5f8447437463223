package io.fedsearch.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for bench/stream.sh: N concurrent clients against {@code /api/v1/search} (JSON) and
 * {@code /api/v1/search/stream} (Server-Sent Events, which wrk cannot read), same providers, in alternating windows
 * of one run (JSON, stream, stream, JSON, ...: ABBA, so drift in the machine falls on both alike). Each request asks
 * a query never asked before, so no provider cache answers. For streams it times the first event (the first bytes
 * of the body: nothing is written before an event) and the whole answer (the body's end, after {@code done}).
 * Usage: {@code java -cp target/test-classes io.fedsearch.bench.StreamBench BASE_URL PROVIDERS CLIENTS SECONDS ROUNDS
 * [REQUESTS_PER_SECOND_PER_CLIENT]}; without a rate each client sends its next request when the last answer is
 * read (closed loop: the throughput figure), with one it sends on a fixed schedule (the latency figure below
 * saturation).
 * Not a test.
 */
public final class StreamBench {

    /** @param cpuMicros the app's own CPU time (user + system) over the window, -1 when not known */
    private record Window(String mode, long requests, long errors, double seconds, List<Long> firstNanos,
                          List<Long> wholeNanos, long cpuMicros) {

        double cpuPerRequest() {
            return cpuMicros < 0 || requests == 0 ? Double.NaN : (double) cpuMicros / requests;
        }
    }

    /** The app's process id (APP_PID), to read its CPU time from /proc; CPU per request resists other load. */
    private static final String APP_PID = System.getenv("APP_PID");

    private static long appCpuMicros() {
        if (APP_PID == null) return -1;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", APP_PID, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10_000; // USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final AtomicLong SEQ = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String providers = args[1];
        int clients = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        int rounds = Integer.parseInt(args[4]);
        // optional: each client sends at most this many requests per second (0 = as fast as answers come back)
        double perClient = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        // warm-up: both paths twice, discarded (the JIT is still compiling through the first windows)
        for (int w = 0; w < 2; w++) {
            window(http, base, providers, "json", clients, seconds, perClient);
            window(http, base, providers, "stream", clients, seconds, perClient);
        }

        var all = new ArrayList<Window>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = r % 2 == 0 ? List.of("json", "stream") : List.of("stream", "json");
            for (String mode : order) all.add(window(http, base, providers, mode, clients, seconds, perClient));
        }
        System.out.println("| window | mode | requests/s | errors | app CPU µs/request | whole answer p50 | p99 | first event p50 | p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int i = 0;
        for (Window w : all) {
            System.out.printf("| %d | %s | %.0f | %d | %.0f | %s | %s | %s | %s |%n", ++i, w.mode(), w.requests() / w.seconds(),
                    w.errors(), w.cpuPerRequest(), ms(w.wholeNanos(), 50), ms(w.wholeNanos(), 99),
                    w.mode().equals("stream") ? ms(w.firstNanos(), 50) : "–",
                    w.mode().equals("stream") ? ms(w.firstNanos(), 99) : "–");
        }
        summary(all);
    }

    private static void summary(List<Window> all) {
        double json = 0;
        double stream = 0;
        var first = new ArrayList<Long>();
        var jsonWhole = new ArrayList<Long>();
        var streamWhole = new ArrayList<Long>();
        for (Window w : all) {
            if (w.mode().equals("json")) {
                json += w.requests() / w.seconds();
                jsonWhole.addAll(w.wholeNanos());
            } else {
                stream += w.requests() / w.seconds();
                first.addAll(w.firstNanos());
                streamWhole.addAll(w.wholeNanos());
            }
        }
        long windows = all.size() / 2;
        var ratios = new ArrayList<Double>();
        var cpuRatios = new ArrayList<Double>();
        for (int r = 0; r + 1 < all.size(); r += 2) {
            Window a = all.get(r);
            Window b = all.get(r + 1);
            Window j = a.mode().equals("json") ? a : b;
            Window st = a.mode().equals("json") ? b : a;
            ratios.add((st.requests() / st.seconds()) / (j.requests() / j.seconds()));
            cpuRatios.add(j.cpuPerRequest() / st.cpuPerRequest());
        }
        Collections.sort(cpuRatios);
        System.out.printf("%nper-round JSON/stream app CPU per request: %s; median cost %.1f %%%n",
                cpuRatios.stream().map(x -> String.format("%.3f", x)).toList(), 100 * (1 - median(cpuRatios)));
        Collections.sort(ratios);
        double median = median(ratios);
        System.out.printf("%nper-round stream/JSON throughput: %s; median cost %.1f %%%n",
                ratios.stream().map(x -> String.format("%.3f", x)).toList(), 100 * (1 - median));
        System.out.printf("%nJSON: %.0f requests/s (whole answer p50 %s, p99 %s)%n", json / windows, ms(jsonWhole, 50), ms(jsonWhole, 99));
        System.out.printf("stream: %.0f requests/s (whole answer p50 %s, p99 %s; first event p50 %s, p99 %s)%n",
                stream / windows, ms(streamWhole, 50), ms(streamWhole, 99), ms(first, 50), ms(first, 99));
        System.out.printf("throughput cost of streaming: %.1f %%%n", 100 * (1 - stream / json));
    }

    private static Window window(HttpClient http, String base, String providers, String mode, int clients,
                                 double seconds, double perClient) throws InterruptedException {
        var first = new ConcurrentLinkedQueue<Long>();
        var whole = new ConcurrentLinkedQueue<Long>();
        var requests = new AtomicLong();
        var errors = new AtomicLong();
        long cpuBefore = appCpuMicros();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        var workers = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            long offset = (long) (c * (perClient > 0 ? 1e9 / perClient / clients : 0));
            workers.add(Thread.ofVirtual().start(() -> {
                long next = start + offset;
                while (System.nanoTime() < end) {
                    if (perClient > 0) {
                        // paced: the next request at its own time, not when the last answer came back
                        for (long wait; (wait = next - System.nanoTime()) > 0; ) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        next += (long) (1e9 / perClient);
                    }
                    String path = (mode.equals("stream") ? "/api/v1/search/stream" : "/api/v1/search")
                            + "?providers=" + providers + "&q=bench" + SEQ.incrementAndGet();
                    long sent = System.nanoTime();
                    try {
                        var request = HttpRequest.newBuilder(URI.create(base + path)).build();
                        // Both modes read the body the same way (an InputStream, 8 KB at a time), so the client's own cost
                        // is alike; the stream's only extra is looking for its first "event:" and its "event: done".
                        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream body = response.body()) {
                            if (response.statusCode() != 200) throw new IllegalStateException("status " + response.statusCode());
                            byte[] buffer = new byte[8192];
                            boolean stream = mode.equals("stream");
                            boolean seenFirst = false;
                            var tail = new StringBuilder();
                            for (int n; (n = body.read(buffer)) > 0; ) {
                                if (!stream) continue;
                                if (!seenFirst) {
                                    first.add(System.nanoTime() - sent);
                                    seenFirst = true;
                                }
                                tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                                if (tail.length() > 64) tail.delete(0, tail.length() - 64);
                            }
                            if (stream && tail.indexOf("}\n\n") < 0) throw new IllegalStateException("stream ended early");
                        }
                        whole.add(System.nanoTime() - sent);
                        requests.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : workers) t.join();
        double took = (System.nanoTime() - start) / 1e9;
        long cpuAfter = appCpuMicros();
        return new Window(mode, requests.get(), errors.get(), took, new ArrayList<>(first), new ArrayList<>(whole),
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
    }

    private static double median(List<Double> sorted) {
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static String ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) return "–";
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return String.format("%.1f ms", value / 1e6);
    }
}
