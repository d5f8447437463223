package io.fedsearch.provider;

/**
 * Which query fields a provider understands. A provider is only asked by default when it understands every
 * field the caller gave, so a filter is never silently dropped.
 */
public record Capabilities(boolean freeText, boolean author, boolean title, boolean journal) {

    public static final Capabilities FREE_TEXT_ONLY = new Capabilities(true, false, false, false);
    public static final Capabilities ALL_FIELDS = new Capabilities(true, true, true, true);

    /** The first field of the query this provider cannot honour, or null when it honours them all. */
    public String unsupportedField(ProviderQuery query) {
        if (query.q() != null && !freeText) return "q";
        if (query.author() != null && !author) return "author";
        if (query.title() != null && !title) return "title";
        if (query.journal() != null && !journal) return "journal";
        return null;
    }
}
