package io.fedsearch.insights;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Each principal's most recent queries and opened results: short lists, newest first, where pushing an entry whose
 * identity is already there moves it to the front instead of adding a duplicate. Entries are opaque JSON strings.
 * In-process by default ({@link InMemoryRecentStore}); in Redis when {@code fedsearch.state.redis-url} is set
 * ({@link RedisRecentStore}), so every replica shows the same lists at once.
 */
interface RecentStore {

    /** How many entries a list keeps. */
    int KEPT = 5;

    enum Kind { QUERIES, CLICKS }

    /** Puts {@code json} first; an older entry with the same identity is removed; only {@link #KEPT} remain. */
    void push(Kind kind, String principal, String identity, String json);

    /** The list, newest first; empty for a principal with none. */
    List<String> read(Kind kind, String principal);

    /** Removes every entry for which {@code drop} (principal, json) holds; returns how many went. */
    int removeIf(Kind kind, BiPredicate<String, String> drop);
}
