package io.fedsearch.access;

/**
 * An application event: an admin flushed the caches, here or on another replica. Every module that holds cached
 * answers listens and forgets them (the provider caches of the search module among them), so access need not know
 * who caches what.
 */
public record CachesFlushed() {
}
