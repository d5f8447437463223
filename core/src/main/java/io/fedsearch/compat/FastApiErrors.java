package io.fedsearch.compat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Error bodies in the shape the seed services (FastAPI) answered, so their clients keep working:
 * 422 {@code {"detail":[{"type":...,"loc":["query","page"],"msg":...,"input":...}, ...]}} and 400
 * {@code {"detail":"..."}}.
 */
final class FastApiErrors {

    private static final String NOT_AN_INTEGER = "Input should be a valid integer, unable to parse string as an integer";

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private FastApiErrors() {
    }

    /** Pydantic's lax integer: optional surrounding whitespace and sign, decimal digits; null when not one. */
    private static BigInteger laxInteger(String text) {
        String stripped = text.strip();
        return INTEGER.matcher(stripped).matches() ? new BigInteger(stripped) : null;
    }

    /**
     * The validation errors of one request. Like FastAPI, a request with several bad parameters is told about every
     * one of them in one 422, not only the first.
     */
    static final class Invalid {

        private final List<Map<String, Object>> items = new ArrayList<>();

        /** A bad query parameter; {@code type} as FastAPI names it (int_parsing, greater_than_equal, ...). */
        void query(String parameter, String message, String type, Object input) {
            add(type, List.of("query", parameter), message, input);
        }

        void add(String type, List<String> loc, String message, Object input) {
            var item = new LinkedHashMap<String, Object>();
            item.put("type", type);
            item.put("loc", loc);
            item.put("msg", message);
            item.put("input", input);
            items.add(item);
        }

        /**
         * {@code text} as a lax integer in [min, max] (no upper bound when {@code max} is null); null, with the error
         * FastAPI gives (int_parsing, greater_than_equal, less_than_equal) noted, when it is not one.
         */
        BigInteger integer(String parameter, String text, long min, Long max) {
            BigInteger value = laxInteger(text);
            if (value == null) {
                query(parameter, NOT_AN_INTEGER, "int_parsing", text);
            } else if (value.compareTo(BigInteger.valueOf(min)) < 0) {
                query(parameter, "Input should be greater than or equal to " + min, "greater_than_equal", text);
            } else if (max != null && value.compareTo(BigInteger.valueOf(max)) > 0) {
                query(parameter, "Input should be less than or equal to " + max, "less_than_equal", text);
            } else {
                return value;
            }
            return null;
        }

        boolean any() {
            return !items.isEmpty();
        }

        ResponseEntity<Map<String, Object>> answer() {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("detail", List.copyOf(items)));
        }
    }

    /** A plain FastAPI HTTPException body. */
    static ResponseEntity<Map<String, Object>> detail(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Map.of("detail", detail));
    }
}
