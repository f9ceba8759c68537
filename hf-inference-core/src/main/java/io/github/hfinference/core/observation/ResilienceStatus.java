package io.github.hfinference.core.observation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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

}
