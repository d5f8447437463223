package io.fedsearch.provider.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.bench.MessagesGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageIndexTest {

    /** Messages where lower-casing changes the length or depends on context, plus whitespace runs and an emoji. */
    private static final List<String> TRICKY = List.of("ΟΔΥΣΣΕΑΣ taverna", "Σ alone", "İstanbul in İzmir",
            "a   b with three spaces", "", "ǅemal ǈ ǋ", "party 🎉🎉 time", "STRASSE straße", "x", "  ",
            "ﬁne ligature", "KELVIN \u212A sign", "tab\there");

    private final List<String> texts = texts();
    private final MessageIndex index = MessageIndex.build(messages(texts));

    @Test
    void findsExactlyWhatALowerCaseContainsScanFindsForRandomSubstrings() {
        var random = new Random(42);
        var queries = new ArrayList<String>();
        for (int i = 0; i < 400; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            if (text.isEmpty()) continue;
            int from = random.nextInt(text.length());
            int to = Math.min(text.length(), from + 1 + random.nextInt(12));
            String q = text.substring(from, to);
            queries.add(random.nextBoolean() ? q : q.toUpperCase(Locale.ROOT));
        }
        queries.forEach(this::assertSameAsScan);
    }

    @Test
    void findsExactlyWhatAScanFindsForEdgeCases() {
        List.of("ΟΔΥΣΣΕΑΣ", "οδυσσεας", "οδυσσεασ", "Σ", "σ", "ς", "İ", "i̇", "istanbul", "İSTANBUL", "   ", " ", "🎉",
                "\uD83C", "ǅ", "ǆ", "strasse", "STRASSE", "straße", "fine", "ﬁ", "kelvin k", "\u212A", "\t", "PARIS",
                "par", "zzzzqqq", "the", "e ", ". ", "9", "ab", "🎉🎉", "i̇stanbul", "İSTANBUL İN", "ǅemal", "ς ", "three",
                "tab\there", "ligature").forEach(this::assertSameAsScan);
    }

    @Test
    void emptyQueryMatchesEveryMessageInOrder() {
        MessageIndex.Matches all = index.find("", 5, 3);
        assertThat(all.total()).isEqualTo(texts.size());
        assertThat(all.ordinals()).containsExactly(5, 6, 7);
    }

    @Test
    void pagesThroughMatchesInUpstreamOrder() {
        int[] expected = scan("paris");
        assertThat(expected.length).isGreaterThan(40);
        var paged = new ArrayList<Integer>();
        for (int offset = 0; offset < expected.length; offset += 7) {
            MessageIndex.Matches page = index.find("Paris", offset, 7);
            assertThat(page.total()).isEqualTo(expected.length);
            Arrays.stream(page.ordinals()).forEach(paged::add);
        }
        assertThat(paged).containsExactlyElementsOf(Arrays.stream(expected).boxed().toList());
    }

    @Test
    void anOffsetPastTheEndGivesAnEmptyPageWithTheTotal() {
        assertThat(index.find("paris", Long.MAX_VALUE, 100).ordinals()).isEmpty();
        assertThat(index.find("paris", Long.MAX_VALUE - 50, 100).total()).isEqualTo(scan("paris").length);
        assertThat(index.find("", Long.MAX_VALUE - 50, 100).ordinals()).isEmpty();
    }

    @Test
    void keepsEachItemsRawJson() {
        assertThat(new String(index.raw(3), StandardCharsets.UTF_8)).isEqualTo("{\"n\":3}");
    }

    private void assertSameAsScan(String q) {
        int[] expected = scan(q);
        MessageIndex.Matches found = index.find(q, 0, Integer.MAX_VALUE);
        assertThat(found.total()).as("total for '%s'", q).isEqualTo(expected.length);
        assertThat(found.ordinals()).as("matches for '%s'", q).containsExactly(expected);
    }

    private int[] scan(String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return IntStream.range(0, texts.size()).filter(i -> texts.get(i).toLowerCase(Locale.ROOT).contains(needle)).toArray();
    }

    private static List<String> texts() {
        var texts = new ArrayList<String>();
        MessagesGenerator.generate(20_000, 3, 5, 30).forEach(item -> texts.add(item.message()));
        MessagesGenerator.sample().forEach(item -> texts.add(item.message()));
        for (int i = 0; i < TRICKY.size(); i++) texts.add(i * 997 % texts.size(), TRICKY.get(i));
        return texts;
    }

    private static List<Message> messages(List<String> texts) {
        var messages = new ArrayList<Message>();
        for (int i = 0; i < texts.size(); i++) {
            messages.add(new Message(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), texts.get(i)));
        }
        return messages;
    }
}
