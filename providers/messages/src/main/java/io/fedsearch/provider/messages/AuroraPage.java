package io.fedsearch.provider.messages;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer in the seed "Aurora" shape: {@code {"total":T,"items":[{"id","user_id","user_name","timestamp",
 * "message"}]}}. Each item is kept as the upstream gave it (re-serialised compactly: same fields, same order);
 * only {@code message} is required, as a string.
 */
record AuroraPage(long total, List<Message> items) {

    /** @throws MalformedAnswerException when the body is not JSON of that shape */
    static AuroraPage parse(JsonMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw new MalformedAnswerException("the answer is not JSON");
        }
        JsonNode total = root.get("total");
        JsonNode items = root.get("items");
        if (total == null || !total.isIntegralNumber() || total.longValue() < 0) {
            throw new MalformedAnswerException("the answer has no non-negative integer 'total'");
        }
        if (items == null || !items.isArray()) {
            throw new MalformedAnswerException("the answer has no 'items' array");
        }
        var messages = new ArrayList<Message>(items.size());
        for (JsonNode item : items) {
            JsonNode message = item.get("message");
            if (!item.isObject() || message == null || !message.isString()) {
                throw new MalformedAnswerException("an item has no string 'message': " + abbreviate(item.toString()));
            }
            messages.add(new Message(json.writeValueAsBytes(item), message.asString()));
        }
        return new AuroraPage(total.longValue(), messages);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** The upstream answered something that is not an Aurora page; not retried. */
    static class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message, null, false, false);
        }
    }
}
