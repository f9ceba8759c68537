package io.github.hfinference.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.observation.DefaultInferenceObservationConvention;
import io.github.hfinference.core.observation.InferenceObservationDocumentation.LowCardinalityKeys;

/**
 * Assertions on the inference meters: the {@code gen_ai.client.operation} timer (one per
 * call, tagged by model alias {@code hf.model}, {@code outcome} — {@code SUCCESS},
 * {@code RATE_LIMITED}, {@code TIMEOUT}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
 * {@code UNKNOWN} — and serving provider {@code hf.provider}) and the starter's
 * {@code hf.client.retries} counter.
 */
public final class InferenceMetersAssert extends AbstractAssert<InferenceMetersAssert, MeterRegistry> {

	/** The starter's retry counter. */
	static final String RETRIES = "hf.client.retries";

	InferenceMetersAssert(MeterRegistry registry) {
		super(registry, InferenceMetersAssert.class);
	}

	/**
	 * The recorded calls of one model, narrowed with {@code with...} and counted with
	 * {@link InferenceCallsAssert#times(long)}.
	 * @param modelAlias the model's alias (its name under {@code hf.inference.models}, or
	 * the model id for calls made by id)
	 * @return assertions on its calls
	 */
	public InferenceCallsAssert hasInferenceCall(String modelAlias) {
		isNotNull();
		return new InferenceCallsAssert(this.actual, modelAlias);
	}

	/**
	 * Verifies how many retries of a model's calls were counted.
	 * @param modelAlias the model's alias
	 * @param expected the expected number of retries
	 * @return this assertion
	 */
	public InferenceMetersAssert hasRetried(String modelAlias, long expected) {
		isNotNull();
		double retries = this.actual.find(RETRIES)
			.tag(LowCardinalityKeys.MODEL_ALIAS.asString(), modelAlias)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		if ((long) retries != expected) {
			failWithMessage("Expected %d retries of '%s' (%s) but counted %d", expected, modelAlias, RETRIES,
					(long) retries);
		}
		return this;
	}

	/**
	 * The calls of one model recorded by the {@code gen_ai.client.operation} timer.
	 */
	public static final class InferenceCallsAssert extends AbstractAssert<InferenceCallsAssert, MeterRegistry> {

		private final String model;

		private final Map<String, String> tags = new LinkedHashMap<>();

		InferenceCallsAssert(MeterRegistry registry, String model) {
			super(registry, InferenceCallsAssert.class);
			this.model = model;
		}

		/**
		 * Only calls with this outcome.
		 * @param outcome {@code SUCCESS}, {@code RATE_LIMITED}, {@code TIMEOUT},
		 * {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}
		 * @return this assertion
		 */
		public InferenceCallsAssert withOutcome(String outcome) {
			this.tags.put(LowCardinalityKeys.OUTCOME.asString(), outcome);
			return this;
		}

		/**
		 * Only calls served by this target.
		 * @param provider the provider or target name ({@code hf-inference}, {@code local}, ...)
		 * @return this assertion
		 */
		public InferenceCallsAssert withProvider(String provider) {
			this.tags.put(LowCardinalityKeys.PROVIDER.asString(), provider);
			return this;
		}

		/**
		 * Only calls failed with this exception type.
		 * @param errorType the exception's simple name, e.g. {@code HfRateLimitException}
		 * @return this assertion
		 */
		public InferenceCallsAssert withErrorType(String errorType) {
			this.tags.put(LowCardinalityKeys.ERROR_TYPE.asString(), errorType);
			return this;
		}

		/**
		 * Verifies how many matching calls were recorded.
		 * @param expected the expected count
		 * @return this assertion
		 */
		public InferenceCallsAssert times(long expected) {
			long count = 0;
			List<String> recorded = new ArrayList<>();
			for (Timer timer : this.actual.find(DefaultInferenceObservationConvention.DEFAULT_NAME)
				.tag(LowCardinalityKeys.MODEL_ALIAS.asString(), this.model)
				.timers()) {
				recorded.add(describe(timer));
				if (this.tags.entrySet()
					.stream()
					.allMatch((tag) -> Objects.equals(tag.getValue(), timer.getId().getTag(tag.getKey())))) {
					count += timer.count();
				}
			}
			if (count != expected) {
				failWithMessage("Expected %d inference call(s) of '%s'%s recorded by %s but found %d.%n%s", expected,
						this.model, this.tags.isEmpty() ? "" : " with " + this.tags,
						DefaultInferenceObservationConvention.DEFAULT_NAME, count,
						recorded.isEmpty() ? "No call of '" + this.model + "' was recorded." + others()
								: "Recorded calls of '" + this.model + "':\n  " + String.join("\n  ", recorded));
			}
			return this;
		}

		private String others() {
			List<String> models = this.actual.find(DefaultInferenceObservationConvention.DEFAULT_NAME)
				.timers()
				.stream()
				.map((timer) -> timer.getId().getTag(LowCardinalityKeys.MODEL_ALIAS.asString()))
				.filter(Objects::nonNull)
				.distinct()
				.toList();
			return models.isEmpty() ? " No inference call was recorded at all." : " Models with calls: " + models;
		}

		private static String describe(Timer timer) {
			return timer.count() + " x " + tag(timer, LowCardinalityKeys.OUTCOME.asString()) + " via "
					+ tag(timer, LowCardinalityKeys.PROVIDER.asString()) + " (error.type "
					+ tag(timer, LowCardinalityKeys.ERROR_TYPE.asString()) + ")";
		}

		private static @Nullable String tag(Timer timer, String key) {
			return timer.getId().getTag(key);
		}

	}

}
