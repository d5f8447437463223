package io.fedsearch.history;

/** An anonymous caller asked for history, which is per principal: answered 401 with {@code WWW-Authenticate}. */
final class KeyRequiredException extends RuntimeException {

    KeyRequiredException() {
        super("the history is per principal: send an API key (X-API-Key or Authorization: Bearer)", null, false, false);
    }
}
