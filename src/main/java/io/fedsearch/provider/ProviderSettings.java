package io.fedsearch.provider;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One provider as configured under {@code fedsearch.providers.<id>}. Common keys first, then the kind-specific
 * ones (ignored by the other kinds). Checked at start-up by {@link ProviderCatalog}: a bad value stops the start
 * with one line naming the key.
 *
 * @param type           arxiv, messages or json; required
 * @param enabled        off = never called, listed as disabled
 * @param timeout        the provider's own deadline; the request's deadline still caps it
 * @param slow           left out unless asked for by name or with include_slow=true
 * @param publicAccess   {@code public}: callable without an entitlement, anonymous callers included
 * @param weight         weight in reciprocal rank fusion, &gt; 0
 * @param maxConcurrency calls in flight at once, more are rejected; null = the kind's default (32, arXiv 1)
 * @param minInterval    outbound politeness between two calls; null = the kind's default (none, arXiv 3s)
 * @param cacheTtl       identical calls within this are served from memory; failures fall back to answers up
 *                       to 10 x this old
 * @param baseUrl        arxiv: the API endpoint
 * @param sourceUrl      messages: the paginated upstream; null = the bundled sample data
 * @param refresh        messages: how often the whole upstream is fetched again
 * @param url            json: URL template with {query}, {page}, {size}, {offset}, {user} (URL-encoded)
 * @param resultsPath    json: JSON Pointer to the array of results
 * @param totalPath      json: JSON Pointer to the total count, optional
 * @param fields         json: JSON Pointers inside one item: title, url, snippet, published, id, authors, journal, doi
 * @param headers        json: headers sent with every call ({user} replaced)
 * @param itemCheckUrl   access: POST endpoint asked which result ids the caller may see; null = all may be seen
 * @param userIdUrl      access: GET endpoint giving the principal's user id at this provider (for {user})
 */
public record ProviderSettings(
        String type,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("false") boolean slow,
        @Name("public") @DefaultValue("true") boolean publicAccess,
        @DefaultValue("1.0") double weight,
        Integer maxConcurrency,
        Duration minInterval,
        @DefaultValue("60s") Duration cacheTtl,
        String baseUrl,
        String sourceUrl,
        @DefaultValue("10m") Duration refresh,
        String url,
        String resultsPath,
        String totalPath,
        Map<String, String> fields,
        Map<String, String> headers,
        String itemCheckUrl,
        String userIdUrl) {

    public ProviderSettings {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
