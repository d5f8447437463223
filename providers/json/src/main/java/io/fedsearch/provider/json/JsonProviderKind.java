package io.fedsearch.provider.json;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;
import java.util.HashMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.json.JsonMapper;

/** The generic JSON kind: configuration, not code. Its settings are checked when bound ({@link JsonSettings}). */
class JsonProviderKind implements ProviderKind<JsonSettings> {

    private final JsonMapper json;

    JsonProviderKind(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "json";
    }

    @Override
    public Class<JsonSettings> settingsType() {
        return JsonSettings.class;
    }

    @Override
    public SearchProvider create(String id, JsonSettings s) {
        JsonPointer total = s.totalPath() == null ? null : JsonPointer.compile(s.totalPath());
        var fields = new HashMap<String, JsonPointer>();
        s.fields().forEach((name, path) -> fields.put(name, JsonPointer.compile(path)));
        return new JsonProvider(id, s.url(), s.headers(), JsonPointer.compile(s.resultsPath()), total, fields, json);
    }
}
