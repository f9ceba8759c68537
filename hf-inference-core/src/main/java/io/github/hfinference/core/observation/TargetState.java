package io.github.hfinference.core.observation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one target of a model, for health checks and diagnostics.
 *
 * @param target the target's name
 * @param circuit its circuit breaker's state
 * @param consecutiveFailures retryable failures in a row
 * @param untilTrial how long until an open circuit lets a trial call through (zero unless open)
 * @param averageLatency moving average of its latency, or null before the first sample
 */
public record TargetState(String target, CircuitState circuit, int consecutiveFailures, Duration untilTrial,
		@Nullable Duration averageLatency) {

}
