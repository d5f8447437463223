package io.fedsearch.provider.messages;

import java.util.BitSet;

/**
 * The messages (by ordinal, ascending) whose lower-cased text holds one gram. A gram found in many messages is a
 * bit set (one bit per message), a rarer one a sorted int array, whichever is smaller: at one million messages a
 * bit set costs 125 KB, the same as 31,250 ints.
 */
sealed interface Postings {

    int cardinality();

    /** A membership test for ascending ordinals: each call's ordinal must not be smaller than the last one's. */
    Probe probe();

    /** Calls the visitor with every ordinal, ascending. */
    void forEach(Visitor visitor);

    /** Sets every ordinal of this list in {@code into}. */
    void orInto(BitSet into);

    interface Visitor {
        void visit(int ordinal);
    }

    interface Probe {
        boolean has(int ordinal);
    }

    record Sparse(int[] ordinals) implements Postings {

        @Override
        public int cardinality() {
            return ordinals.length;
        }

        @Override
        public Probe probe() {
            // Walks forward only: the ordinals asked are ascending, so the whole walk is one pass over the array.
            return new Probe() {
                int at;

                @Override
                public boolean has(int ordinal) {
                    while (at < ordinals.length && ordinals[at] < ordinal) at++;
                    return at < ordinals.length && ordinals[at] == ordinal;
                }
            };
        }

        @Override
        public void forEach(Visitor visitor) {
            for (int ordinal : ordinals) visitor.visit(ordinal);
        }

        @Override
        public void orInto(BitSet into) {
            for (int ordinal : ordinals) into.set(ordinal);
        }
    }

    record Dense(BitSet bits, int cardinality) implements Postings {

        @Override
        public Probe probe() {
            return bits::get;
        }

        @Override
        public void forEach(Visitor visitor) {
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) visitor.visit(i);
        }

        @Override
        public void orInto(BitSet into) {
            into.or(bits);
        }
    }
}
