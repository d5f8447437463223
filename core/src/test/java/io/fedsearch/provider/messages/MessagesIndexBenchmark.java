package io.fedsearch.provider.messages;

import io.fedsearch.bench.MessagesGenerator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Substring search over 1,000,000 generated messages of 5 to 30 words: the index ({@link MessageIndex#find}, one
 * page of 10 plus the exact total) against a plain scan of the pre-lower-cased texts with String.contains, for a
 * rare token, a common word (~10% of messages), a 2-letter query and a query that matches nothing.
 * {@code main footprint} prints build time and heap used after the build. Run by bench/messages-jmh.sh.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class MessagesIndexBenchmark {

    static final int COUNT = 1_000_000;

    /**
     * rare: 6 messages; common: 9.4% (94,323); two letters: 27% (274,921); nothing; a common phrase with a space
     * (26%, 261,488: the one path that checks candidates with contains). Counts printed by main.
     */
    @Param({"555-4821", "flight", "pa", "xylophone", "at the"})
    public String query;

    @State(Scope.Benchmark)
    public static class IndexState {
        MessageIndex index;

        @Setup(Level.Trial)
        public void build() {
            index = MessageIndex.build(messages(COUNT));
        }
    }

    @State(Scope.Benchmark)
    public static class ScanState {
        String[] lower;

        @Setup(Level.Trial)
        public void build() {
            lower = MessagesGenerator.generate(COUNT, MessagesGenerator.BENCH_SEED, 5, 30).stream()
                    .map(i -> i.message().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }
    }

    @Benchmark
    public MessageIndex.Matches index(IndexState state) {
        return state.index.find(query, 0, 10);
    }

    /** The seed's way: every message, every time; the page is the first 10 matches, the total exact. */
    @Benchmark
    public long scan(ScanState state) {
        String needle = query.toLowerCase(Locale.ROOT);
        long total = 0;
        int[] page = new int[10];
        for (int i = 0; i < state.lower.length; i++) {
            if (state.lower[i].contains(needle)) {
                if (total < 10) page[(int) total] = i;
                total++;
            }
        }
        return total + page[0];
    }

    static List<Message> messages(int count) {
        var json = JsonMapper.builder().build();
        var messages = new ArrayList<Message>(count);
        for (MessagesGenerator.Item item : MessagesGenerator.generate(count, MessagesGenerator.BENCH_SEED, 5, 30)) {
            var node = json.createObjectNode().put("id", item.id()).put("user_id", item.userId())
                    .put("user_name", item.userName()).put("timestamp", item.timestamp()).put("message", item.message());
            messages.add(new Message(json.writeValueAsBytes(node), item.message()));
        }
        return messages;
    }

    /** Build time, heap used after the build (after GC, index alone), and the match count of each query. */
    public static void main(String[] args) {
        List<Message> messages = messages(COUNT);
        long chars = messages.stream().mapToLong(m -> m.text().length()).sum();
        long rawBytes = messages.stream().mapToLong(m -> m.raw().length).sum();
        long start = System.nanoTime();
        MessageIndex index = MessageIndex.build(messages);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        messages = null;
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("messages=%d chars=%d raw_json_bytes=%d grams=%d tokens=%d build_ms=%d heap_used_after_gc_mb=%d%n",
                index.size(), chars, rawBytes, index.grams(), index.tokens(), buildMs, heap >> 20);
        var queries = new ArrayList<>(List.of("555-4821", "flight", "pa", "xylophone", "at the"));
        queries.addAll(List.of(args));
        for (String q : queries) {
            System.out.printf("query '%s': %d matches%n", q, index.find(q, 0, 10).total());
        }
        System.out.println(index.size() > 0 ? "ok" : "empty");
    }
}
