package io.fedsearch.provider.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SourcePathTest {

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void followsNestedObjectsAndDottedKeysAlike() {
        var path = SourcePath.of("meta.journal");

        assertThat(path.values(json("{\"meta\": {\"journal\": \"Nature\"}}"))).containsExactly("Nature");
        assertThat(path.values(json("{\"meta.journal\": \"Nature\"}"))).containsExactly("Nature");
        assertThat(SourcePath.of("a.b.c").values(json("{\"a\": {\"b.c\": 1}, \"a.b\": {\"c\": 2}}"))).containsExactly("1", "2");
    }

    @Test
    void readsEveryElementOfArraysOnTheWay() {
        var names = SourcePath.of("authors.name");

        assertThat(names.values(json("{\"authors\": [{\"name\": \"Ada\"}, {\"name\": \"Bob\"}, {\"x\": 1}]}")))
                .containsExactly("Ada", "Bob");
        assertThat(names.values(json("{\"authors\": {\"name\": \"Cy\"}}"))).containsExactly("Cy");
        assertThat(SourcePath.of("tags").values(json("{\"tags\": [\"a\", null, [\"b\"]]}"))).containsExactly("a", "b");
    }

    @Test
    void givesNothingForMissingNullOrObjectValuesAndTextForScalars() {
        var path = SourcePath.of("meta.year");

        assertThat(path.first(json("{}"))).isNull();
        assertThat(path.first(json("{\"meta\": null}"))).isNull();
        assertThat(path.first(json("{\"meta\": {\"year\": {\"value\": 1}}}"))).isNull();
        assertThat(path.first(json("{\"meta\": {\"year\": 1999}}"))).isEqualTo("1999");
    }
}
