package io.github.hfinference.core.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;

/**
 * Read-only view of the resilience state of the models a client has called: circuit
 * breakers, latency averages and admission. Models appear after their first call.
 */
public interface ResilienceStatus {

	/**
	 * The state of each target of a model, in priority order.
	 * @param alias the model alias
	 * @return the targets' states, empty if the model was not called yet
	 */
	List<TargetState> targetStates(String alias);

	/**
	 * The circuit state of each target of a model.
	 * @param alias the model alias
	 * @return target name to circuit state, in priority order; empty if the model was not called yet
	 */
	Map<String, CircuitState> circuitStates(String alias);

	/**
	 * The admission state of a model.
	 * @param alias the model alias
	 * @return the state, or null if the model has no admission limits or was not called yet
	 */
	@Nullable AdmissionState admissionState(String alias);

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

	/**
	 * A snapshot of a model's client-side admission.
	 *
	 * @param inFlight calls holding a permit
	 * @param waiting calls waiting to be admitted
	 * @param limits the limits in force
	 */
	public record AdmissionState(int inFlight, int waiting, AdmissionSettings limits) {

	}

}
