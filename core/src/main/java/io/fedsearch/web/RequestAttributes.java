package io.fedsearch.web;

/** Request attributes the web module reads but other modules set. */
public final class RequestAttributes {

    /**
     * Who made the request, as the principal's name; set by whoever authenticates it (the access module), absent =
     * anonymous. A plain string, so the web module needs to know nothing of how callers are told apart.
     */
    public static final String PRINCIPAL = "fedsearch.principal";

    private RequestAttributes() {
    }
}
