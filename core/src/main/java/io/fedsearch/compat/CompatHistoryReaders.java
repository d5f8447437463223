package io.fedsearch.compat;

import io.fedsearch.access.Caller;
import io.fedsearch.history.HistoryAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who reads what through the seed's {@code /queries} and {@code /results}, by {@code fedsearch.compat.history}. In
 * {@code public} every caller reads as an anonymous one would: anonymous queries, public providers. In {@code key}
 * the caller reads its own principal's records (the admin key everyone's), of the providers it may use today.
 */
@Component
class CompatHistoryReaders {

    /**
     * One request's reading rights.
     *
     * @param as        whose rights apply to providers and items
     * @param principal whose queries are read; null = everyone's
     */
    record Reader(Caller as, String principal) {
    }

    private final CompatProperties properties;
    private final HistoryAccess access;

    CompatHistoryReaders(CompatProperties properties, HistoryAccess access) {
        this.properties = properties;
        this.access = access;
    }

    /** The refusal of this request in the seed's (FastAPI's) shape, or null when it may read. */
    ResponseEntity<?> refusal(HttpServletRequest request) {
        return switch (properties.exposure()) {
            case OFF -> FastApiErrors.detail(HttpStatus.NOT_FOUND, "Not Found");
            case KEY -> Caller.of(request).anonymous()
                    ? ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                            .body(Map.of("detail", "Not authenticated"))
                    : null;
            case PUBLIC -> null;
        };
    }

    /** Call only when {@link #refusal} is null. */
    Reader reader(HttpServletRequest request) {
        if (properties.exposure() == CompatProperties.Exposure.PUBLIC) {
            return new Reader(Caller.ANONYMOUS, Caller.ANONYMOUS.principal());
        }
        Caller caller = Caller.of(request);
        return new Reader(caller, caller.admin() ? null : caller.principal());
    }

    /** Of {@code providers} (ids), those the reader may read. */
    List<String> readable(Reader reader, List<String> providers) {
        List<String> readable = access.readableProviders(reader.as());
        return providers.stream().filter(readable::contains).toList();
    }

    HistoryAccess access() {
        return access;
    }
}
