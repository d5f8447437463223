package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.FedsearchApplication;
import io.fedsearch.access.Http;
import io.fedsearch.provider.arxiv.ArxivFixtureServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Property-based fuzzing of every operation in /v3/api-docs: path variables filled, query parameters typed or
 * hostile (broken %-escapes, repeats, extremes), JSON bodies built from the schema and then mutated, odd
 * Content-Type and Accept values, with no key, a user key, the admin key and an unknown key. Whatever it sends, no
 * answer may be a 5xx, name a Java class or show a stack trace. Other statuses are not judged: which 4xx is right
 * is the business of each endpoint's own tests.
 */
class ApiFuzzTest {

    static final String ADMIN = "fs_fuzz-admin-key-00000000000000000000000";
    static final int TRIES = 2200;
    private static final Pattern LEAK = Pattern.compile(
            "java\\.[a-z]|javax\\.|jakarta\\.|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml"
                    + "|\\.[A-Z][A-Za-z]+Exception|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(");

    private static final List<String> TEXT = List.of("x", "test", "paris", "", " ", "  padded  ", "ümlaut",
            "日本語", "a".repeat(501), "a".repeat(5000), "'; DROP TABLE api_key;--", "<script>alert(1)</script>",
            "${jndi:ldap://x}", "../../etc/passwd", "null", "true", "-1", "0", "1e309", "NaN", "%00", "\\u0000",
            "a,b,,c", "messages", "arxiv", "provider.messages", "trending", "2024-01-01T00:00:00", "2024-13-45T99:99:99",
            "eyJ0cyI6MX0", "!!!notbase64", "{}", "[]");
    private static final List<String> NUMBERS = List.of("0", "1", "-1", "5", "20", "100", "101", "1000", "1001",
            "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1.5", "0x10", "1e3", "", "abc");
    private static final List<String> RAW_JUNK = List.of("%", "%z", "%zz", "%ff%fe", "%c3%28", "%e2%82", "%%",
            "%2", "+%", "%00", "%ed%a0%80");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "text/plain", "image/png", "text/html", ";;;/", "application/json;q=abc", "application/*",
            "text/event-stream", "application/xml", ",,,", "*/json");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json; charset=UTF-8", "application/json; charset=nope", "*/*",
            "text/plain", "multipart/form-data", "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded", "application/xml", ";;;", "application/", "application/json;;");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE");

    enum KeyKind { NONE, USER, ADMIN, UNKNOWN, BEARER_USER }

    /** One request as sent; its toString is what a failure report shows. */
    record Fuzzed(ApiOperations.Operation operation, String method, String target, Map<String, String> headers,
                  String body) {
    }

    static ConfigurableApplicationContext app;
    static int port;
    static ApiOperations operations;
    static String userKey;
    static final AtomicInteger sent = new AtomicInteger();
    static final Set<String> covered = ConcurrentHashMap.newKeySet();
    static final AtomicBoolean failed = new AtomicBoolean();
    static ArxivFixtureServer arxiv;

    @BeforeContainer
    static void start() {
        // arXiv is a real local server replaying saved feeds, without arXiv's one-call-per-3-s pacing: the seed's
        // /arxiv answers 502/503/504 by contract when arXiv gives no answer, which is not what this test looks for.
        arxiv = new ArxivFixtureServer();
        app = new SpringApplicationBuilder(FedsearchApplication.class).run("--server.port=0",
                "--FEDSEARCH_ADMIN_KEY=" + ADMIN, "--logging.level.io.fedsearch=WARN",
                "--fedsearch.providers.arxiv.base-url=" + arxiv.baseUrl(),
                "--fedsearch.providers.arxiv.min-interval=0ms", "--fedsearch.providers.arxiv.max-concurrency=64");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        var http = Http.at(port);
        operations = ApiOperations.of(Http.json(http.get("/v3/api-docs", null)));
        assertThat(operations.all()).as("operations in /v3/api-docs").hasSizeGreaterThanOrEqualTo(25);
        userKey = http.createKey(ADMIN, Map.of("principal", "fuzzer", "providers", List.of(),
                "per_second", 100_000, "per_hour", 100_000_000)).path("key").asString();
    }

    @AfterContainer
    static void stop() {
        if (app != null) app.close();
        if (arxiv != null) arxiv.close();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void noRequestGetsA5xxOrAnAnswerNamingAJavaClass(@ForAll("requests") Fuzzed request) {
        var answer = new RawHttp(port).send(request.method(), request.target(), request.headers(),
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
        sent.incrementAndGet();
        covered.add(request.operation().toString());
        try {
            assertThat(answer.status()).as("status of " + request + ": " + answer.body()).isBetween(100, 499);
            String whole = answer.headers() + "\n" + answer.body();
            assertThat(LEAK.matcher(whole).find()).as("a Java class or stack trace in the answer to " + request
                    + ":\n" + whole).isFalse();
        } catch (AssertionError e) {
            failed.set(true);
            throw e;
        }
    }

    /** Run after the tries: unless one failed (its report comes first), the run must not have passed vacuously. */
    @AfterProperty
    void everyOperationWasFuzzed() {
        if (failed.get()) return;
        assertThat(sent.get()).as("requests sent").isGreaterThanOrEqualTo(2000);
        assertThat(covered).as("operations fuzzed").hasSize(operations.all().size());
    }

    @Provide
    Arbitrary<Fuzzed> requests() {
        return Combinators.combine(Arbitraries.of(operations.all()), Arbitraries.of(KeyKind.values()),
                Arbitraries.longs()).as((op, key, seed) -> build(op, key, new Random(seed)));
    }

    private static Fuzzed build(ApiOperations.Operation op, KeyKind key, Random rnd) {
        String method = rnd.nextInt(20) == 0 ? pick(rnd, METHODS) : op.method();
        String target = path(op, rnd) + query(op, rnd);
        var headers = new LinkedHashMap<String, String>();
        switch (key) {
            case USER -> headers.put("X-API-Key", userKey);
            case ADMIN -> headers.put("X-API-Key", ADMIN);
            case UNKNOWN -> headers.put("X-API-Key", "fs_unknown-" + rnd.nextInt(1000));
            case BEARER_USER -> headers.put("Authorization", "Bearer " + userKey);
            case NONE -> { }
        }
        if (rnd.nextInt(3) == 0) headers.put("Accept", pick(rnd, ACCEPTS));
        String body = null;
        if (op.hasBody() || rnd.nextInt(10) == 0) {
            headers.put("Content-Type", pick(rnd, CONTENT_TYPES));
            body = body(op, rnd);
        }
        if (rnd.nextInt(25) == 0) headers.put("X-Forwarded-For", pick(rnd, TEXT).strip() + "1.2.3.4");
        if (rnd.nextInt(25) == 0) headers.put("If-Modified-Since", pick(rnd, TEXT).strip() + "x");
        return new Fuzzed(op, method, target, headers, body);
    }

    private static String path(ApiOperations.Operation op, Random rnd) {
        String path = op.path();
        for (var p : op.parameters()) {
            if (!p.in().equals("path")) continue;
            String value = switch (rnd.nextInt(6)) {
                case 0 -> pick(rnd, NUMBERS);
                case 1 -> pick(rnd, RAW_JUNK);
                case 2 -> "..%2f..%2fetc";
                default -> encode(pick(rnd, TEXT));
            };
            path = path.replace("{" + p.name() + "}", value.isEmpty() ? "x" : value);
        }
        return path;
    }

    private static String query(ApiOperations.Operation op, Random rnd) {
        var query = new StringBuilder();
        for (var p : op.parameters()) {
            if (!p.in().equals("query") || rnd.nextInt(10) < 4) continue;
            int times = rnd.nextInt(8) == 0 ? 2 : 1;
            for (int i = 0; i < times; i++) {
                query.append('&').append(p.name()).append('=').append(value(p.type(), rnd));
            }
        }
        if (rnd.nextInt(8) == 0) query.append('&').append(encode(pick(rnd, TEXT))).append('=').append(encode(pick(rnd, TEXT)));
        if (rnd.nextInt(8) == 0) query.append('&').append(pick(rnd, List.of("q", "limit", "x", ""))).append('=').append(pick(rnd, RAW_JUNK));
        if (rnd.nextInt(20) == 0) query.append(pick(rnd, List.of("&&&", "&=", "&==", "&a", "&%ff=1")));
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    private static String value(String type, Random rnd) {
        return switch (type) {
            case "integer", "number" -> rnd.nextInt(4) == 0 ? encode(pick(rnd, TEXT)) : pick(rnd, NUMBERS);
            case "boolean" -> pick(rnd, List.of("true", "false", "TRUE", "yes", "0", "maybe", ""));
            default -> rnd.nextInt(6) == 0 ? pick(rnd, RAW_JUNK) : encode(pick(rnd, TEXT));
        };
    }

    private static String body(ApiOperations.Operation op, Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> pick(rnd, List.of("", "{", "[]", "null", "\"x\"", "42", "{\"a\":", "a=%ff&b", "\u0000",
                    "{\"x\": 1, \"x\": 2}", "\uFEFF{}"));
            case 1 -> "[".repeat(3000) + "]".repeat(3000);
            case 2 -> "{\"principal\": \"" + "a".repeat(70_000) + "\"}";
            default -> jsonObject(op, rnd);
        };
    }

    /** The documented fields, each with a value of its type most of the time, or of some other type, or left out. */
    private static String jsonObject(ApiOperations.Operation op, Random rnd) {
        var json = new StringBuilder("{");
        for (var field : op.bodyFields().entrySet()) {
            if (rnd.nextInt(5) == 0) continue;
            if (json.length() > 1) json.append(',');
            String type = rnd.nextInt(4) == 0 ? pick(rnd, List.of("string", "integer", "boolean", "array", "object"))
                    : field.getValue();
            json.append('"').append(field.getKey()).append("\":").append(jsonValue(type, rnd));
        }
        if (rnd.nextInt(6) == 0) json.append(json.length() > 1 ? "," : "").append("\"unknown_field\": [1, {}]");
        return json.append('}').toString();
    }

    private static String jsonValue(String type, Random rnd) {
        return switch (type) {
            case "integer", "number" -> pick(rnd, NUMBERS.stream().filter(n -> n.matches("-?\\d+(\\.\\d+)?")).toList());
            case "boolean" -> rnd.nextBoolean() ? "true" : "false";
            case "array" -> "[" + quoted(pick(rnd, TEXT)) + (rnd.nextBoolean() ? ", null, 3" : "") + "]";
            case "object" -> "{" + quoted(pick(rnd, TEXT)) + ": " + quoted(pick(rnd, TEXT)) + "}";
            default -> rnd.nextInt(8) == 0 ? "null" : quoted(pick(rnd, TEXT));
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
