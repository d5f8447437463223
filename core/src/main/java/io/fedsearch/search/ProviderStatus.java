package io.fedsearch.search;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one provider fared in one search, as shown in the answer. */
public enum ProviderStatus {
    OK, TIMEOUT, ERROR, CIRCUIT_OPEN, REJECTED, NOT_ENTITLED, DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
