package io.fedsearch.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.provider.ProviderInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ProviderGuardTest {

    private static final ResilienceProperties DEFAULTS = new ResilienceProperties(20, 5, 50, 50, 0.8,
            Duration.ofSeconds(5), Duration.ofSeconds(120), 3, Duration.ofSeconds(60));
    /** The time a call may take; none of these calls comes near it. */
    private static final Duration BUDGET = Duration.ofSeconds(1);
    /** Shorter than the 30 s min-interval wait, so the second call cannot get a slot in time. */
    private static final Duration SHORT_BUDGET = Duration.ofMillis(100);

    private static ProviderGuard guard(int maxConcurrency, Duration minInterval) {
        var info = new ProviderInfo("p", "json", true, false, true, 1.0, Duration.ofSeconds(2), maxConcurrency,
                minInterval, Duration.ofSeconds(60), null);
        return ProviderGuards.build(info, DEFAULTS, new SimpleMeterRegistry());
    }

    @Test
    void opensAfterFiveCallsOfWhichHalfFailOrTimeOut() throws Exception {
        var guard = guard(32, null);
        guard.call(BUDGET, () -> "ok");
        guard.call(BUDGET, () -> "ok");
        fail(guard, new TimeoutException("late"));
        fail(guard, new IllegalStateException("bad"));
        assertThat(guard.snapshot().circuit()).isEqualTo("closed");
        fail(guard, new TimeoutException("late"));

        assertThat(guard.snapshot().circuit()).isEqualTo("open");
        assertThat(guard.snapshot().timeouts()).isEqualTo(2);
        assertThat(guard.snapshot().errors()).isEqualTo(1);
        assertThatThrownBy(() -> guard.call(BUDGET, () -> "ok"))
                .isInstanceOfSatisfying(ProviderCallRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProviderCallRefusedException.Reason.CIRCUIT_OPEN));
    }

    @Test
    void staysOpenFiveSecondsThenDoublesUpToTwoMinutes() {
        var waits = guard(32, null).breaker().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState();
        assertThat(waits.apply(1)).isEqualTo(5_000);
        assertThat(waits.apply(2)).isEqualTo(10_000);
        assertThat(waits.apply(3)).isEqualTo(20_000);
        assertThat(waits.apply(10)).isEqualTo(120_000);
    }

    @Test
    void rejectsWhenNoMinIntervalSlotComesWithinTheBudget() throws Exception {
        var guard = guard(32, Duration.ofSeconds(30));
        guard.call(BUDGET, () -> "ok");
        assertThatThrownBy(() -> guard.call(SHORT_BUDGET, () -> "ok"))
                .isInstanceOfSatisfying(ProviderCallRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProviderCallRefusedException.Reason.REJECTED));
        assertThat(guard.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void refusesEveryCallWhileSuspended() {
        var guard = guard(32, null);
        guard.suspend(Duration.ofSeconds(30), "upstream answered HTTP 429");
        assertThatThrownBy(() -> guard.call(BUDGET, () -> "ok"))
                .hasMessage("suspended for 30 s: upstream answered HTTP 429");
        assertThat(guard.snapshot().circuit()).isEqualTo("suspended");
    }

    private static void fail(ProviderGuard guard, Exception failure) {
        assertThatThrownBy(() -> guard.call(BUDGET, () -> {
            throw failure;
        })).isSameAs(failure);
    }
}
