package io.fedsearch.search.internal;

import java.time.Duration;

/** A point in time (System.nanoTime) by which an answer is due. */
public record Deadline(long atNanos) {

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** The earlier of this deadline and {@code duration} from now. */
    public Deadline capped(Duration duration) {
        long other = System.nanoTime() + duration.toNanos();
        return other - atNanos < 0 ? new Deadline(other) : this;
    }

    public long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }
}
