package io.fedsearch.provider.messages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.IndexedSearchProvider;
import io.fedsearch.provider.VerbatimSearch;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages searched by case-insensitive substring, from an index of the whole upstream kept in memory. The index is
 * built off to the side and swapped in whole (one volatile reference), so a search sees either the old or the new
 * set, never a mix. A failed refresh keeps serving the last good index and marks the provider degraded until a
 * refresh succeeds. Until the first load has succeeded a search fails with "index not loaded yet".
 */
final class MessagesProvider implements IndexedSearchProvider, VerbatimSearch {

    private static final Logger log = LoggerFactory.getLogger(MessagesProvider.class);
    /** Characters of the message shown as a hit's title (messages have no title of their own). */
    static final int TITLE_CHARS = 80;

    /** Queries with at least this many matches keep their whole match list in the cache. */
    static final int CACHED_FROM = 10_000;
    /** Bound of the match cache, in bytes of match lists (4 per match); one cache per served index. */
    static final long CACHE_BYTES = 64L << 20;

    /**
     * What is served now, replaced whole on each refresh. {@code matches}: lower-cased query to all its matching
     * ordinals, for common queries only (a common word means verifying ~10% of all messages: ~10 ms at 1M); it
     * belongs to its index, so a new index starts with an empty cache.
     */
    private record State(MessageIndex index, Cache<String, int[]> matches, String degraded) {

        static State of(MessageIndex index) {
            return new State(index, Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
                    .<String, int[]>weigher((q, ordinals) -> 4 * ordinals.length + 64).build(), null);
        }
    }

    private final String id;
    private final MessageSource source;
    private final JsonMapper json;
    private volatile State state;

    MessagesProvider(String id, MessageSource source, JsonMapper json) {
        this.id = id;
        this.source = source;
        this.json = json;
        this.state = new State(null, null, "index not loaded yet (loading from " + source.describe() + ")");
    }

    /**
     * Fetches everything again and swaps the new index in. Never throws: a failure is logged and kept as the
     * degraded reason while the last good index (if any) goes on being served. Runs one at a time.
     *
     * @return whether the refresh succeeded
     */
    synchronized boolean refresh() {
        long start = System.nanoTime();
        try {
            MessageIndex fresh = MessageIndex.build(source.fetchAll());
            state = State.of(fresh);
            log.info("provider {}: indexed {} messages from {} in {} ms", id, fresh.size(), source.describe(),
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            State now = state;
            MessageIndex kept = now.index();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String reason = kept == null
                    ? "index not loaded yet: loading from " + source.describe() + " failed at " + Instant.now() + ": " + why
                    : "refresh from " + source.describe() + " failed at " + Instant.now() + ": " + why
                            + "; serving the " + kept.size() + " messages loaded at " + kept.builtAt();
            state = new State(kept, now.matches(), reason);
            log.warn("provider {}: {}", id, reason);
            return false;
        }
    }

    /** True once an index is served (the first load succeeded). */
    public boolean loaded() {
        return state.index() != null;
    }

    /** Messages in the served index, 0 before the first load. */
    public int size() {
        MessageIndex index = state.index();
        return index == null ? 0 : index.size();
    }

    /** When the served index was built, null before the first load. */
    public Instant loadedAt() {
        MessageIndex index = state.index();
        return index == null ? null : index.builtAt();
    }

    @Override
    public String degradedReason() {
        return state.degraded();
    }

    /**
     * The seed's search: messages whose text holds {@code q} ignoring case ({@code q} used as given, not trimmed;
     * null or empty matches every message), in upstream order, with the exact total.
     *
     * @param offset matches to skip; any value past the end gives an empty page
     * @throws UpstreamFailureException when no index has been loaded yet
     */
    @Override
    public Page find(String q, long offset, int limit) {
        State now = served();
        MessageIndex.Matches matches = matches(now, q == null ? "" : q, offset, limit);
        var items = new ArrayList<byte[]>(matches.ordinals().length);
        for (int ordinal : matches.ordinals()) items.add(now.index().raw(ordinal));
        return new Page(matches.total(), items);
    }

    @Override
    public ProviderPage search(ProviderQuery query) {
        State now = served();
        MessageIndex.Matches matches = matches(now, query.q() == null ? "" : query.q(), query.offset(), query.size());
        var hits = new ArrayList<SearchHit>(matches.ordinals().length);
        for (int ordinal : matches.ordinals()) hits.add(hit(json.readTree(now.index().raw(ordinal))));
        return new ProviderPage(matches.total(), hits);
    }

    /** One page of matches; a common query's whole match list is computed once per index and then sliced. */
    private static MessageIndex.Matches matches(State now, String q, long offset, int limit) {
        if (q.isEmpty()) return now.index().find(q, offset, limit);
        String key = q.toLowerCase(Locale.ROOT);
        int[] all = now.matches().getIfPresent(key);
        if (all == null) {
            all = now.index().findAll(q);
            if (all.length >= CACHED_FROM) now.matches().put(key, all);
        }
        int from = (int) Math.min(offset, all.length);
        int to = (int) Math.min(all.length, from + (long) limit);
        return new MessageIndex.Matches(all.length, Arrays.copyOfRange(all, from, to));
    }

    private State served() {
        State now = state;
        if (now.index() == null) throw new UpstreamFailureException(now.degraded());
        return now;
    }

    /** title: the message's first 80 characters (… when cut); snippet: the whole message; author: user_name. */
    private static SearchHit hit(JsonNode item) {
        String message = item.get("message").asString();
        String title = message;
        if (message.length() > TITLE_CHARS) {
            int cut = Character.isHighSurrogate(message.charAt(TITLE_CHARS - 1)) ? TITLE_CHARS - 1 : TITLE_CHARS;
            title = message.substring(0, cut).stripTrailing() + "…";
        }
        String user = text(item, "user_name");
        return new SearchHit(text(item, "id"), title, null, message, user == null ? List.of() : List.of(user),
                text(item, "timestamp"), null, null);
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asString();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "messages";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.FREE_TEXT_ONLY;
    }
}
