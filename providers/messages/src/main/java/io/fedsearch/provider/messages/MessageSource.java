package io.fedsearch.provider.messages;

import java.util.List;

/** Where a messages provider gets all of its messages from, in upstream order. */
interface MessageSource {

    /** Every message; throws when any part of it could not be had (a partial set is never returned). */
    List<Message> fetchAll() throws Exception;

    /** For logs and the degraded reason: the URL, or "bundled sample". */
    String describe();
}
