package io.github.hfinference.core.observation;

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfJobFailedException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfRevisionMismatchException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.internal.observation.GenAiOperations;
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

	/** Outcomes by failure type, the first match wins (HTTP statuses are classified first). */
	private static final List<Category> OUTCOMES = List.of(new Category(HfRateLimitException.class, "RATE_LIMITED"),
			new Category(HfServerException.class, "SERVER_ERROR"), new Category(HfTimeoutException.class, "TIMEOUT"),
			new Category(HfResponseException.class, "DECODE"), new Category(HfConnectionException.class, "CONNECTION"),
			new Category(HfCircuitOpenException.class, "CIRCUIT_OPEN"),
			new Category(HfAdmissionRejectedException.class, "REJECTED"),
			new Category(HfRevisionMismatchException.class, "REVISION_MISMATCH"),
			new Category(HfJobFailedException.class, "JOB_FAILED"));

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
	 * Classifies the call's outcome by the failure's category: {@code SUCCESS},
	 * {@code RATE_LIMITED} (429), {@code TIMEOUT}, {@code CLIENT_ERROR} (other 4xx, a
	 * configuration mistake, a refused request), {@code SERVER_ERROR} (5xx and 408, an error
	 * event in a stream), {@code DECODE} (an answer of the wrong shape), {@code CONNECTION},
	 * {@code CIRCUIT_OPEN}, {@code REJECTED} (admission), {@code REVISION_MISMATCH},
	 * {@code JOB_FAILED} (a media job the provider failed); {@code UNKNOWN} only for a
	 * failure that is not an {@code HfInferenceException}.
	 * @param context the context
	 * @return the outcome tag value
	 */
	protected String outcome(InferenceObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return "SUCCESS";
		}
		if (error instanceof HfHttpException http && !(error instanceof HfRateLimitException)
				&& !(error instanceof HfServerException)) {
			return (http.getStatus() >= 500 || http.getStatus() == 200) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		return OUTCOMES.stream()
			.filter((category) -> category.type().isInstance(error))
			.map(Category::outcome)
			.findFirst()
			.orElse((error instanceof HfInferenceException) ? "CLIENT_ERROR" : "UNKNOWN");
	}

	private static String orNone(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : KeyValue.NONE_VALUE;
	}

	private record Category(Class<? extends Throwable> type, String outcome) {
	}

}
