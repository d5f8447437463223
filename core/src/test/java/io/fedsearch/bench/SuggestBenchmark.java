package io.fedsearch.bench;

import io.fedsearch.insights.SuggestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One suggest lookup (limit 10) over N distinct past queries plus the bundled reference data, with a mix of prefixes:
 * short prefixes, infix words, multi-word prefixes and one-typo words that fall through to the fuzzy pass.
 * Queries are 2-4 pseudo-words from a 5,000-word vocabulary, asked 1-50 times over the last 60 days.
 * {@code suggest} cycles 800 prefixes, so the engine's cache of compiled one-edit queries is warm (what repeated
 * typing and common typos see); {@code typoNeverSeen} asks typos that are all different, more than that cache holds,
 * so every lookup compiles its automata (the worst case). Run by bench/suggest-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class SuggestBenchmark {

    @Param("1000000")
    int pastQueries;

    private SuggestEngine engine;
    private String[] prefixes;
    private String[] unseenTypos;
    private int next;
    private int nextTypo;
    private final Instant now = Instant.parse("2026-03-01T00:00:00Z");

    @Setup(Level.Trial)
    public void build() {
        var random = new Random(42);
        String[] words = new String[5000];
        String[] syllables = {"ne", "u", "tri", "no", "so", "lar", "quan", "tum", "gra", "vi", "ta", "ti", "on", "al",
                "dark", "mat", "ter", "ex", "o", "pla", "net", "cos", "mic", "ray", "spin", "glass", "field", "the", "ory"};
        var seenWords = new HashSet<String>();
        for (int i = 0; i < words.length; ) {
            var w = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int s = 0; s < n; s++) w.append(syllables[random.nextInt(syllables.length)]);
            if (seenWords.add(w.toString())) words[i++] = w.toString();
        }
        var texts = new HashSet<String>(pastQueries * 2);
        var past = new ArrayList<SuggestEngine.PastQuery>(pastQueries);
        long nowMs = now.toEpochMilli();
        while (past.size() < pastQueries) {
            int n = 2 + random.nextInt(3);
            var q = new StringBuilder(words[random.nextInt(words.length)]);
            for (int i = 1; i < n; i++) q.append(' ').append(words[random.nextInt(words.length)]);
            if (texts.add(q.toString())) {
                past.add(new SuggestEngine.PastQuery(q.toString(), 1 + random.nextInt(50),
                        nowMs - random.nextLong(Duration.ofDays(60).toMillis())));
            }
        }
        engine = new SuggestEngine(List.of("cs.AI Artificial Intelligence", "astro-ph.SR Solar and Stellar Astrophysics"));
        long start = System.nanoTime();
        engine.load(past);
        System.out.printf("built %d past queries in %d ms%n", pastQueries, (System.nanoTime() - start) / 1_000_000);
        var p = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            String w = words[random.nextInt(words.length)];
            p.add(w.substring(0, 2));                                   // 2-letter prefix
            p.add(w.substring(0, Math.min(w.length(), 5)));             // infix or prefix word start
            p.add(w + " " + words[random.nextInt(words.length)].substring(0, 3)); // two words, last unfinished
            p.add(w.substring(0, 1) + w.substring(2));                  // one deleted letter: fuzzy pass
        }
        prefixes = p.toArray(String[]::new);
        var typos = new java.util.LinkedHashSet<String>();
        while (typos.size() < 100_000) {
            String w = words[random.nextInt(words.length)] + words[random.nextInt(words.length)];
            int cut = 1 + random.nextInt(w.length() - 2);
            typos.add(w.substring(0, cut) + w.substring(cut + 1, Math.min(w.length(), cut + 6)));
        }
        unseenTypos = typos.toArray(String[]::new);
    }

    @Benchmark
    public List<SuggestEngine.Suggestion> suggest() {
        String prefix = prefixes[next++ % prefixes.length];
        return engine.suggest(prefix, 10, now);
    }

    @Benchmark
    public List<SuggestEngine.Suggestion> typoNeverSeen() {
        return engine.suggest(unseenTypos[nextTypo++ % unseenTypos.length], 10, now);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        engine.close();
    }
}
