package io.github.hfinference.boot.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.observation.InferenceObservationContext;
import io.github.hfinference.core.observation.InferenceObservationDocumentation.LowCardinalityKeys;

/**
 * Records what a finished inference call reported, tagged with the call's low-cardinality
 * keys except its outcome: {@value #TOKEN_USAGE} (a counter of tokens, with
 * {@code gen_ai.token.type} {@code input} or {@code output}, from the chat {@code usage}
 * or TGI's {@code x-prompt-tokens}/{@code x-generated-tokens}) and {@value #COMPUTE_TIME}
 * (a timer of {@code x-compute-time}) and, where the router publishes the serving
 * provider's price for the model, {@value #COST} (USD). The call's duration itself is the
 * {@code gen_ai.client.operation} timer of the default meter handler.
 */
public class HfInferenceMeterObservationHandler implements ObservationHandler<InferenceObservationContext> {

	/** Tokens used, by {@code gen_ai.token.type}. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The tag telling input from output tokens. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	/** Compute time the server reported ({@code x-compute-time}). */
	public static final String COMPUTE_TIME = "hf.client.compute.time";

	/** Estimated cost in USD, from the router's published prices. */
	public static final String COST = "hf.client.cost";

	private final MeterRegistry meterRegistry;

	private final @Nullable HfModelPricing pricing;

	/**
	 * Creates the handler.
	 * @param meterRegistry where meters are recorded
	 */
	public HfInferenceMeterObservationHandler(MeterRegistry meterRegistry) {
		this(meterRegistry, null);
	}

	/**
	 * Creates the handler, estimating costs where the router publishes a price.
	 * @param meterRegistry where meters are recorded
	 * @param pricing the published prices, or null to estimate no cost
	 */
	public HfInferenceMeterObservationHandler(MeterRegistry meterRegistry, @Nullable HfModelPricing pricing) {
		this.meterRegistry = meterRegistry;
		this.pricing = pricing;
	}

	@Override
	public void onStop(InferenceObservationContext context) {
		ResponseMetadata metadata = context.getMetadata();
		if (metadata == null) {
			return;
		}
		List<Tag> tags = tags(context);
		if (metadata.promptTokens() != null) {
			tokens(tags, "input").increment(metadata.promptTokens());
		}
		if (metadata.generatedTokens() != null) {
			tokens(tags, "output").increment(metadata.generatedTokens());
		}
		if (this.pricing != null && (metadata.promptTokens() != null || metadata.generatedTokens() != null)) {
			this.pricing.price(context.getModelId(), metadata.target())
				.ifPresent((price) -> Counter.builder(COST)
					.description("Estimated cost of inference calls, from the router's published prices")
					.baseUnit("usd")
					.tags(tags)
					.register(this.meterRegistry)
					.increment(price.cost(metadata.promptTokens(), metadata.generatedTokens())));
		}
		if (metadata.computeTime() != null) {
			Timer.builder(COMPUTE_TIME)
				.description("Compute time reported by the server (x-compute-time)")
				.tags(tags)
				.register(this.meterRegistry)
				.record(metadata.computeTime());
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof InferenceObservationContext;
	}

	private Counter tokens(List<Tag> tags, String type) {
		return Counter.builder(TOKEN_USAGE)
			.description("Tokens used by inference calls")
			.baseUnit("tokens")
			.tags(tags)
			.tag(TOKEN_TYPE, type)
			.register(this.meterRegistry);
	}

	private static List<Tag> tags(InferenceObservationContext context) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			String key = keyValue.getKey();
			if (!key.equals(LowCardinalityKeys.OUTCOME.asString()) && !key.equals(LowCardinalityKeys.ERROR_TYPE.asString())) {
				tags.add(Tag.of(key, keyValue.getValue()));
			}
		}
		return tags;
	}

}
