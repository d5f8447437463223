package io.fedsearch.history.internal;

import io.fedsearch.history.QueryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link Journal#append} of a search's record (2 providers, 10 results, ~3.6 KB of JSON): serialising, the
 * locked write(2) and the segment bookkeeping, segments rotated every 1000 records. Every record is marked done at
 * once, so segments are deleted as in steady state. Not run by the suite (surefire runs *Test classes only):
 * <pre>
 * ./mvnw -q -B -ntp -pl core dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.cp)" org.openjdk.jmh.Main \
 *   JournalAppendBenchmark -t 4
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JournalAppendBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicLong ids = new AtomicLong();
    private Path dir;
    private Journal journal;
    private QueryRecord template;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        journal = Journal.open(new JournalProperties(dir.toString(), 1000, Duration.ofSeconds(10)));
        var results = new ArrayList<QueryRecord.ResultRow>();
        for (int i = 1; i <= 10; i++) {
            results.add(new QueryRecord.ResultRow(i % 2 == 0 ? "arxiv" : "docs", i, "2511.0" + i,
                    "On the thermal conductivity of twisted bilayer graphene, part " + i,
                    "https://arxiv.org/abs/2511.0" + i, List.of("Ada Lovelace", "Alan Turing", "Grace Hopper"),
                    "Physical Review B", "2025-11-0" + (i % 9 + 1), "10.1103/PhysRevB.112." + i));
        }
        template = new QueryRecord(0, Instant.now(), "anonymous", "api", "graphene thermal", null, null, null,
                List.of(new QueryRecord.ProviderSummary("arxiv", "arxiv", "ok", 380, 1234L, 5, null,
                                "http://export.arxiv.org/api/query?search_query=all:graphene", 200),
                        new QueryRecord.ProviderSummary("docs", "json", "ok", 12, 42L, 5, null, null, 200)),
                390, results);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    /** The JSON part alone, for comparison: the rest of {@link #append} is the write and the bookkeeping. */
    @Benchmark
    public byte[] serialiseOnly() {
        return JSON.writeValueAsBytes(template);
    }

    @Benchmark
    public void append() {
        long id = ids.incrementAndGet();
        var t = template;
        journal.append(new QueryRecord(id, t.timestamp(), t.principal(), t.origin(), t.q(), t.author(), t.title(),
                t.journal(), t.providers(), t.tookMs(), t.results()));
        journal.done(id);
    }
}
