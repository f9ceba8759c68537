package io.github.hfinference.core;

import java.util.Objects;

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

}
