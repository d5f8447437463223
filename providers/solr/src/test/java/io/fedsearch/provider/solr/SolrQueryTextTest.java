package io.fedsearch.provider.solr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SolrQueryTextTest {

    @Test
    void leavesPlainWordsAsTheyAre() {
        assertThat(SolrQueryText.escape("  quantum   entanglement ")).isEqualTo("quantum entanglement");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', value = {
            "C++ (draft)            => C\\+\\+ \\(draft\\)",
            "title:x                => title\\:x",
            "*:*                    => \\*\\:\\*",
            "{!lucene}id:1          => \\{\\!lucene\\}id\\:1",
            "-minus +plus !bang     => \\-minus \\+plus \\!bang",
            "a&&b||c                => a\\&\\&b\\|\\|c",
            "/regex/ [a TO b] x~2^3 => \\/regex\\/ \\[a TO b\\] x\\~2\\^3",
            "back\\slash ; ?        => back\\\\slash \\; \\?"})
    void escapesEveryCharacterOfTheQuerySyntax(String typed, String sent) {
        assertThat(SolrQueryText.escape(typed)).isEqualTo(sent);
    }

    @Test
    void makesOperatorWordsPlainWords() {
        assertThat(SolrQueryText.escape("cats AND dogs OR NOT birds and")).isEqualTo("cats \"AND\" dogs \"OR\" \"NOT\" birds and");
    }

    @Test
    void keepsBalancedQuotesAsPhrases() {
        assertThat(SolrQueryText.escape("quantum \"photonic lattices\" 2021")).isEqualTo("quantum \"photonic lattices\" 2021");
        assertThat(SolrQueryText.escape("\"a:b (c)\"")).as("nothing but backslashes is special in a phrase").isEqualTo("\"a:b (c)\"");
        assertThat(SolrQueryText.escape("\"ends with \\\"")).isEqualTo("\"ends with \\\\\"");
    }

    @Test
    void escapesAStrayQuote() {
        assertThat(SolrQueryText.escape("\"photonic lattices")).isEqualTo("\\\" photonic lattices");
        assertThat(SolrQueryText.escape("a \"b\" c\"")).isEqualTo("a \"b\" c \\\"");
    }

    @Test
    void sendsEmptyQuotesAsLiteralCharactersSoTheyMatchNothing() {
        assertThat(SolrQueryText.escape("\"\"")).isEqualTo("\\\"\\\"");
        assertThat(SolrQueryText.escape("\" \"")).isEqualTo("\\\" \\\"");
    }
}
