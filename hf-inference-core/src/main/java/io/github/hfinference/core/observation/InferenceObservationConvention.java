package io.github.hfinference.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an inference call; implement it (or extend
 * {@link DefaultInferenceObservationConvention}) to change them.
 */
public interface InferenceObservationConvention extends ObservationConvention<InferenceObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof InferenceObservationContext;
	}

}
