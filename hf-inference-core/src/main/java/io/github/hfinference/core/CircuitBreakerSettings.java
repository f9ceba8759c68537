package io.github.hfinference.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A circuit breaker per target: after {@code failureThreshold} consecutive retryable
 * failures the target is skipped for {@code openDuration}, then one trial call is let
 * through; its success closes the circuit, its failure opens it again.
 *
 * @param enabled whether targets have circuit breakers
 * @param failureThreshold consecutive failures that open the circuit
 * @param openDuration how long an open circuit rejects calls before a trial call
 */
public record CircuitBreakerSettings(boolean enabled, int failureThreshold, Duration openDuration) {

	public CircuitBreakerSettings {
		Objects.requireNonNull(openDuration, "openDuration");
		if (failureThreshold < 1) {
			throw new IllegalArgumentException("failureThreshold must be at least 1, got " + failureThreshold);
		}
		if (openDuration.isZero() || openDuration.isNegative()) {
			throw new IllegalArgumentException("openDuration must be positive, got " + openDuration);
		}
	}

	/** No circuit breakers: targets are never skipped. */
	public static CircuitBreakerSettings disabled() {
		return new CircuitBreakerSettings(false, 5, Duration.ofSeconds(30));
	}

	/** Enabled: 5 consecutive failures open the circuit for 30 s. */
	public static CircuitBreakerSettings defaults() {
		return new CircuitBreakerSettings(true, 5, Duration.ofSeconds(30));
	}

}
