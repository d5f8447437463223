package io.fedsearch.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/** Recent lists of this process only (embedded default): lost on restart, not shared between replicas. */
final class InMemoryRecentStore implements RecentStore {

    /** kind + principal -> identity -> json, oldest first (insertion order). Each map is guarded by itself. */
    private final Map<String, LinkedHashMap<String, String>> lists = new ConcurrentHashMap<>();

    @Override
    public void push(Kind kind, String principal, String identity, String json) {
        var list = lists.computeIfAbsent(key(kind, principal), k -> new LinkedHashMap<>());
        synchronized (list) {
            list.remove(identity);
            list.put(identity, json);
            while (list.size() > KEPT) {
                list.pollFirstEntry();
            }
        }
    }

    @Override
    public List<String> read(Kind kind, String principal) {
        var list = lists.get(key(kind, principal));
        if (list == null) return List.of();
        synchronized (list) {
            return List.copyOf(list.sequencedValues().reversed());
        }
    }

    @Override
    public int removeIf(Kind kind, BiPredicate<String, String> drop) {
        int removed = 0;
        String prefix = kind.name() + '\u0000';
        for (var e : lists.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            String principal = e.getKey().substring(prefix.length());
            var list = e.getValue();
            synchronized (list) {
                for (var entry : new ArrayList<>(list.entrySet())) {
                    if (drop.test(principal, entry.getValue())) {
                        list.remove(entry.getKey());
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private static String key(Kind kind, String principal) {
        return kind.name() + '\u0000' + principal;
    }
}
