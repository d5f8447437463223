package io.fedsearch.insights;

import io.fedsearch.state.SharedRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Recent lists in Redis, shared by every replica. Per principal and kind: a list of identities, newest first
 * ({@code fedsearch:recent:<kind>:<principal>}), and a hash identity -> JSON ({@code ...:items}). Each push is one
 * Lua script (LREM + LPUSH + LTRIM + HSET/HDEL), so concurrent pushes from several replicas never leave a duplicate
 * or more than {@link #KEPT} entries. Runs on the shared Redis connection of {@link SharedRedis}.
 *
 * <p>While Redis is down (or a command fails, after at most {@code fedsearch.state.redis-timeout}) the lists are
 * served locally: pushes go to an in-process store of this replica and reads come from it, so a caller sees what
 * they did on this replica since Redis went away (not what came before). When Redis is back the shared lists are
 * served again and the local ones are dropped: entries made during the outage are not copied to Redis.
 */
final class RedisRecentStore implements RecentStore {

    private static final String PUSH = """
            redis.call('LREM', KEYS[1], 0, ARGV[1])
            redis.call('LPUSH', KEYS[1], ARGV[1])
            local gone = redis.call('LRANGE', KEYS[1], tonumber(ARGV[3]), -1)
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[3]) - 1)
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            for _, id in ipairs(gone) do
              if id ~= ARGV[1] then redis.call('HDEL', KEYS[2], id) end
            end
            return 1
            """;
    private static final String READ = """
            local ids = redis.call('LRANGE', KEYS[1], 0, -1)
            if #ids == 0 then return {} end
            return redis.call('HMGET', KEYS[2], unpack(ids))
            """;

    private final SharedRedis shared;
    private final RedisCommands<String, String> redis;
    /** The lists of this replica while Redis is down; replaced by an empty one each time Redis is back. */
    private volatile InMemoryRecentStore local = new InMemoryRecentStore();

    RedisRecentStore(SharedRedis redis) {
        this.shared = redis;
        this.redis = redis.commands();
        redis.onReconnect(() -> local = new InMemoryRecentStore());
    }

    @Override
    public void push(Kind kind, String principal, String identity, String json) {
        if (shared.available()) {
            try {
                redis.eval(PUSH, ScriptOutputType.INTEGER, keys(kind, principal), identity, json, Integer.toString(KEPT));
                return;
            } catch (RedisException e) {
                shared.failed(e);
            }
        }
        local.push(kind, principal, identity, json);
    }

    @Override
    public List<String> read(Kind kind, String principal) {
        if (shared.available()) {
            try {
                List<String> values = redis.eval(READ, ScriptOutputType.MULTI, keys(kind, principal));
                return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
            } catch (RedisException e) {
                shared.failed(e);
            }
        }
        return local.read(kind, principal);
    }

    /**
     * Removes from the local lists, then from the shared ones; with Redis down, the shared ones keep their entries
     * until the next run (the daily re-check). Throws Lettuce's RedisException if Redis fails midway.
     */
    @Override
    public int removeIf(Kind kind, BiPredicate<String, String> drop) {
        int removed = local.removeIf(kind, drop);
        if (!shared.available()) return removed;
        try {
            return removed + removeShared(kind, drop);
        } catch (RedisException e) {
            shared.failed(e);
            throw e;
        }
    }

    private int removeShared(Kind kind, BiPredicate<String, String> drop) {
        String prefix = "fedsearch:recent:" + kind.name().toLowerCase(Locale.ROOT) + ":";
        int removed = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*:items").limit(500));
            for (String itemsKey : page.getKeys()) {
                String listKey = itemsKey.substring(0, itemsKey.length() - ":items".length());
                String principal = listKey.substring(prefix.length());
                var gone = new ArrayList<String>();
                redis.hgetall(itemsKey).forEach((id, json) -> {
                    if (drop.test(principal, json)) gone.add(id);
                });
                for (String id : gone) {
                    redis.lrem(listKey, 0, id);
                    redis.hdel(itemsKey, id);
                    removed++;
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return removed;
    }

    private static String[] keys(Kind kind, String principal) {
        String list = "fedsearch:recent:" + kind.name().toLowerCase(Locale.ROOT) + ":" + principal;
        return new String[] {list, list + ":items"};
    }
}
