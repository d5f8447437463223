package io.fedsearch.compat;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Error bodies in the shape the seed services (FastAPI) answered, so their clients keep working:
 * 422 {@code {"detail":[{"loc":["query","page"],"msg":...,"type":...}]}} and 400 {@code {"detail":"..."}}.
 */
final class FastApiErrors {

    private FastApiErrors() {
    }

    /** 422 for one bad query parameter; {@code type} as FastAPI names it (int_parsing, greater_than_equal, ...). */
    static ResponseEntity<Map<String, Object>> invalidQuery(String parameter, String message, String type, Object input) {
        var item = new java.util.LinkedHashMap<String, Object>();
        item.put("type", type);
        item.put("loc", List.of("query", parameter));
        item.put("msg", message);
        item.put("input", input);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("detail", List.of(item)));
    }

    /** A plain FastAPI HTTPException body. */
    static ResponseEntity<Map<String, Object>> detail(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Map.of("detail", detail));
    }
}
