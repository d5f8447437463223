package io.fedsearch.provider.messages;

import java.util.Arrays;
import java.util.BitSet;

/** One growing posting list; turns into a bit set once that is smaller. Ordinals must arrive ascending. */
final class PostingsBuilder {

    private final int count;
    private final int denseFrom;
    private int[] ordinals = new int[2];
    private BitSet bits;
    private int cardinality;
    private int last = -1;

    /** @param count how many documents there are (ordinals 0..count-1) */
    PostingsBuilder(int count, int denseFrom) {
        this.count = count;
        this.denseFrom = denseFrom;
    }

    /** A list longer than this costs more as ints than as one bit per document. */
    static int denseFrom(int count) {
        return Math.max(64, count / 32);
    }

    /** Adds an ordinal; the same ordinal twice in a row counts once. */
    void add(int ordinal) {
        if (ordinal == last) return;
        last = ordinal;
        cardinality++;
        if (bits != null) {
            bits.set(ordinal);
        } else if (cardinality > denseFrom) {
            bits = new BitSet(count);
            for (int i = 0; i < cardinality - 1; i++) bits.set(ordinals[i]);
            bits.set(ordinal);
            ordinals = null;
        } else {
            if (cardinality > ordinals.length) ordinals = Arrays.copyOf(ordinals, ordinals.length * 2);
            ordinals[cardinality - 1] = ordinal;
        }
    }

    Postings finish() {
        return bits != null ? new Postings.Dense(bits, cardinality)
                : new Postings.Sparse(Arrays.copyOf(ordinals, cardinality));
    }
}
