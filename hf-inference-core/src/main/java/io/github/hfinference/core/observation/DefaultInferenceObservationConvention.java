package io.github.hfinference.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.observation.InferenceObservationDocumentation.HighCardinalityKeys;
import io.github.hfinference.core.observation.InferenceObservationDocumentation.LowCardinalityKeys;

/**
 * Default naming of inference observations: {@value #DEFAULT_NAME}, contextual name
 * {@code "<task> <model>"}, tagged by GenAI operation, task, model, alias, serving
 * provider, outcome and error type.
 */
public class DefaultInferenceObservationConvention implements InferenceObservationConvention {

	/** The observation name (a timer {@code gen_ai.client.operation} in Micrometer). */
	public static final String DEFAULT_NAME = "gen_ai.client.operation";

	private final String name;

	/** A convention with the default name. */
	public DefaultInferenceObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * A convention with a custom observation name.
	 * @param name the name
	 */
	public DefaultInferenceObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(InferenceObservationContext context) {
		return context.getTask() + " " + context.getModelId();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(InferenceObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeys.OPERATION_NAME, GenAiOperations.of(context.getTask())),
				KeyValue.of(LowCardinalityKeys.TASK, context.getTask()),
				KeyValue.of(LowCardinalityKeys.REQUEST_MODEL, context.getModelId()),
				KeyValue.of(LowCardinalityKeys.SYSTEM, "hugging_face"),
				KeyValue.of(LowCardinalityKeys.MODEL_ALIAS, context.getModelAlias()),
				KeyValue.of(LowCardinalityKeys.PROVIDER_NAME, orNone(context.getServedBy())),
				KeyValue.of(LowCardinalityKeys.PROVIDER, orNone(context.getServedBy())),
				KeyValue.of(LowCardinalityKeys.OUTCOME, outcome(context)),
				KeyValue.of(LowCardinalityKeys.ERROR_TYPE,
						(context.getError() != null) ? context.getError().getClass().getSimpleName() : KeyValue.NONE_VALUE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(InferenceObservationContext context) {
		ResponseMetadata metadata = context.getMetadata();
		if (metadata == null) {
			return KeyValues.empty();
		}
		return KeyValues.of(KeyValue.of(HighCardinalityKeys.REQUEST_ID, orNone(metadata.requestId())),
				KeyValue.of(HighCardinalityKeys.SERVED_REVISION, orNone(metadata.servedRevision())));
	}

	/**
	 * Classifies the call's outcome.
	 * @param context the context
	 * @return the outcome tag value
	 */
	protected String outcome(InferenceObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return "SUCCESS";
		}
		if (error instanceof HfRateLimitException) {
			return "RATE_LIMITED";
		}
		if (error instanceof HfTimeoutException) {
			return "TIMEOUT";
		}
		if (error instanceof HfConfigurationException) {
			return "CLIENT_ERROR";
		}
		if (error instanceof HfHttpException http) {
			return (http.getStatus() >= 500 || http.getStatus() == 200) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		return "UNKNOWN";
	}

	private static String orNone(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : KeyValue.NONE_VALUE;
	}

}
