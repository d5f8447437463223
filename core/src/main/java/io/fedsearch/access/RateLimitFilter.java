package io.fedsearch.access;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API paths ({@code /api/**}, {@code /search}, {@code /arxiv}, {@code /queries},
 * {@code /results}); operations paths (actuator, docs, admin) are not limited. Every limited answer carries
 * {@code RateLimit-Limit} (the burst per second; the hourly limit once that is what refuses),
 * {@code RateLimit-Remaining} (calls left under both limits) and {@code RateLimit-Reset} (seconds until the
 * budget is whole again); a refused call is 429 problem+json with {@code Retry-After} in seconds. The limits shown
 * are those applied: while Redis is down, this replica's share of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    static final String KEY_ATTRIBUTE = RateLimitFilter.class.getName() + ".key";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimits limits;
    private final AccessProperties properties;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimits limits, AccessProperties properties, ProblemWriter problems) {
        this.limits = limits;
        this.properties = properties;
        this.problems = problems;
    }

    static boolean limited(String path) {
        return path.startsWith("/api/") || path.equals("/search") || path.equals("/arxiv")
                || path.equals("/queries") || path.startsWith("/queries/") || path.equals("/results");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limited(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bucket;
        RateLimits.Limit limit;
        if (request.getAttribute(KEY_ATTRIBUTE) instanceof ApiKey key) {
            bucket = "key:" + key.id();
            limit = new RateLimits.Limit(key.perSecond(), key.perHour());
        } else {
            bucket = "ip:" + request.getRemoteAddr();
            limit = new RateLimits.Limit(properties.anonymous().perSecond(), properties.anonymous().perHour());
        }
        ConsumptionProbe probe;
        try {
            RateLimits.Outcome outcome = limits.consume(bucket, limit);
            probe = outcome.probe();
            limit = outcome.applied();
        } catch (RuntimeException e) {
            log.warn("rate limit store failed, call let through: {}", e.toString());
            chain.doFilter(request, response);
            return;
        }
        long resetSeconds = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            headers(response, limit.perSecond(), probe.getRemainingTokens(), resetSeconds);
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        boolean hourly = probe.getNanosToWaitForRefill() > TimeUnit.SECONDS.toNanos(1);
        headers(response, hourly ? limit.perHour() : limit.perSecond(), 0, resetSeconds);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "over the " + (hourly ? limit.perHour() + " calls per hour" : limit.perSecond() + " calls per second")
                        + " limit; retry in " + retryAfter + " s");
    }

    private static void headers(HttpServletResponse response, long limit, long remaining, long reset) {
        response.setHeader("RateLimit-Limit", Long.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(reset));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
