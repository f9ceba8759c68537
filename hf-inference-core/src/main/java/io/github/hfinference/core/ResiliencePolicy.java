package io.github.hfinference.core;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The resilience settings of one model: retry, target selection, circuit breakers and
 * admission.
 *
 * @param retry retry settings
 * @param loadBalancing how calls pick a target
 * @param circuitBreaker circuit breaker settings per target
 * @param admission client-side admission limits
 */
public record ResiliencePolicy(RetrySettings retry, LoadBalancing loadBalancing,
		CircuitBreakerSettings circuitBreaker, AdmissionSettings admission) {

	private static final ResiliencePolicy DEFAULTS = new ResiliencePolicy(RetrySettings.defaults(),
			LoadBalancing.FAILOVER, CircuitBreakerSettings.defaults(), AdmissionSettings.unlimited());

	public ResiliencePolicy {
		Objects.requireNonNull(retry, "retry");
		Objects.requireNonNull(loadBalancing, "loadBalancing");
		Objects.requireNonNull(circuitBreaker, "circuitBreaker");
		Objects.requireNonNull(admission, "admission");
	}

	/** Default retry, failover in priority order, default circuit breakers, no admission limits. */
	public static ResiliencePolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * This policy with other retry settings.
	 * @param retry the retry settings
	 * @return a new policy
	 */
	public ResiliencePolicy withRetry(RetrySettings retry) {
		return new ResiliencePolicy(retry, this.loadBalancing, this.circuitBreaker, this.admission);
	}

	/**
	 * This policy with another load-balancing strategy.
	 * @param loadBalancing the strategy
	 * @return a new policy
	 */
	public ResiliencePolicy withLoadBalancing(LoadBalancing loadBalancing) {
		return new ResiliencePolicy(this.retry, loadBalancing, this.circuitBreaker, this.admission);
	}

	/**
	 * This policy with other circuit breaker settings.
	 * @param circuitBreaker the settings
	 * @return a new policy
	 */
	public ResiliencePolicy withCircuitBreaker(CircuitBreakerSettings circuitBreaker) {
		return new ResiliencePolicy(this.retry, this.loadBalancing, circuitBreaker, this.admission);
	}

	/**
	 * This policy with other admission limits.
	 * @param admission the limits
	 * @return a new policy
	 */
	public ResiliencePolicy withAdmission(AdmissionSettings admission) {
		return new ResiliencePolicy(this.retry, this.loadBalancing, this.circuitBreaker, admission);
	}

	/**
	 * When and how a failed call is retried. Only retryable failures are retried (408, 429,
	 * 500, 502, 503, 504, connection failures, timeouts); a server-advised wait
	 * ({@code Retry-After}, {@code RateLimit}, a loading model's {@code estimated_time}) is
	 * honoured up to {@code maxServerWait}, otherwise the wait grows exponentially with jitter.
	 *
	 * @param enabled whether failed calls are retried at all
	 * @param maxRetries retries after the first attempt (attempts = 1 + maxRetries)
	 * @param initialInterval wait before the first retry
	 * @param multiplier factor applied to the wait after each retry
	 * @param maxInterval upper bound of the exponential wait
	 * @param jitter random fraction (0 to 1) added to or removed from each wait
	 * @param maxServerWait upper bound of a wait the server asked for
	 * @param deadline total time allowed for all attempts of one call, or null for none
	 */
	public record RetrySettings(boolean enabled, int maxRetries, Duration initialInterval, double multiplier,
			Duration maxInterval, double jitter, Duration maxServerWait, @Nullable Duration deadline) {

		private static final RetrySettings DEFAULTS = new RetrySettings(true, 3, Duration.ofSeconds(1), 2.0,
				Duration.ofSeconds(8), 0.1, Duration.ofSeconds(60), null);

		public RetrySettings {
			Objects.requireNonNull(initialInterval, "initialInterval");
			Objects.requireNonNull(maxInterval, "maxInterval");
			Objects.requireNonNull(maxServerWait, "maxServerWait");
			if (maxRetries < 0) {
				throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
			}
			if (jitter < 0 || jitter > 1) {
				throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
			}
			if (initialInterval.isNegative() || maxInterval.isNegative() || maxServerWait.isNegative()) {
				throw new IllegalArgumentException("retry intervals must not be negative");
			}
			if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
				throw new IllegalArgumentException("deadline must be positive, got " + deadline);
			}
		}

		/** Three retries, 1 s doubling up to 8 s, 10 % jitter, server waits up to 60 s, no deadline. */
		public static RetrySettings defaults() {
			return DEFAULTS;
		}

		/** No retries. */
		public static RetrySettings disabled() {
			return new RetrySettings(false, 0, DEFAULTS.initialInterval, DEFAULTS.multiplier, DEFAULTS.maxInterval,
					DEFAULTS.jitter, DEFAULTS.maxServerWait, null);
		}

	}

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

	/**
	 * Client-side admission per model, to stay under a tier's limits instead of provoking
	 * 429 storms: at most {@code maxConcurrentCalls} in flight and at most
	 * {@code maxCallsPerSecond} started per second; excess calls wait in a queue of at most
	 * {@code maxQueueSize} for at most {@code maxQueueWait}, or fail fast with a typed error.
	 *
	 * @param maxConcurrentCalls calls in flight at once; 0 for no limit
	 * @param maxCallsPerSecond calls started per second; 0 for no limit
	 * @param maxQueueSize calls allowed to wait for admission; 0 to fail fast
	 * @param maxQueueWait how long a call may wait for admission
	 */
	public record AdmissionSettings(int maxConcurrentCalls, double maxCallsPerSecond, int maxQueueSize,
			Duration maxQueueWait) {

		public AdmissionSettings {
			Objects.requireNonNull(maxQueueWait, "maxQueueWait");
			if (maxConcurrentCalls < 0 || maxCallsPerSecond < 0 || maxQueueSize < 0) {
				throw new IllegalArgumentException("admission limits must not be negative");
			}
			if (maxQueueWait.isNegative()) {
				throw new IllegalArgumentException("maxQueueWait must not be negative, got " + maxQueueWait);
			}
		}

		/** No limits. */
		public static AdmissionSettings unlimited() {
			return new AdmissionSettings(0, 0, 0, Duration.ZERO);
		}

		/** Whether any limit is set. */
		public boolean isLimited() {
			return this.maxConcurrentCalls > 0 || this.maxCallsPerSecond > 0;
		}

	}

	/**
	 * How a call picks among a model's targets. Whatever the strategy, a retryable failure
	 * moves the call on to the next target and targets whose circuit is open are skipped
	 * while others are available.
	 */
	public enum LoadBalancing {

		/** Targets in priority order: the first healthy one serves. */
		FAILOVER,

		/** Each call starts at the next target in turn. */
		ROUND_ROBIN,

		/** Each call starts at a target drawn in proportion to its weight. */
		WEIGHTED,

		/** Each call starts at the target with the lowest moving-average latency. */
		LEAST_LATENCY

	}

}
