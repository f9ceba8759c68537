package io.github.hfinference.core.observation;

/**
 * The state of a target's circuit breaker.
 */
public enum CircuitState {

	/** Calls go through; consecutive retryable failures are counted. */
	CLOSED,

	/** Calls are rejected until the open duration has passed. */
	OPEN,

	/** One trial call is let through; its outcome closes or reopens the circuit. */
	HALF_OPEN

}
