package io.fedsearch.provider.messages;

/**
 * An open-addressing map from a gram key to a slot number, without boxing: the index build looks up three keys
 * per character of text (about 300 million lookups for a million messages). Key 0 is reserved as "empty"; gram
 * keys always carry a non-zero tag, so it never occurs.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int capacityPowerOfTwo) {
        keys = new long[capacityPowerOfTwo];
        values = new int[capacityPowerOfTwo];
    }

    /** The value for the key, or -1 when absent. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
        }
    }

    /** Adds a key that is not yet present. */
    void putNew(long key, int value) {
        if ((size + 1) * 2 > keys.length) grow();
        insert(keys, values, key, value);
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) insert(keys, values, oldKeys[i], oldValues[i]);
        }
    }

    private static void insert(long[] keys, int[] values, long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key) & mask;
        while (keys[i] != 0) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
