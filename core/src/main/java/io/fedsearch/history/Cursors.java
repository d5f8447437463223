package io.fedsearch.history;

import io.fedsearch.web.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque paging cursor: base64url of "timestamp_ms:query_id", the last query of the previous page. */
final class Cursors {

    private Cursors() {
    }

    static String encode(QueryHistory.Position position) {
        String raw = position.timestampMs() + ":" + position.queryId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidParameterException naming {@code cursor} when it was not made by {@link #encode} */
    static QueryHistory.Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            return new QueryHistory.Position(Long.parseLong(raw.substring(0, colon)),
                    Long.parseLong(raw.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidParameterException("cursor", "cursor must be a next_cursor value from a previous page");
        }
    }
}
