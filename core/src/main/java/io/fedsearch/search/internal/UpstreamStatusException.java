package io.fedsearch.search.internal;

/** The upstream answered with an HTTP error status the provider did not explain. */
class UpstreamStatusException extends RuntimeException {

    UpstreamStatusException(int status) {
        super("upstream answered HTTP " + status, null, false, false);
    }
}
