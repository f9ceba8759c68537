package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * The part the builders of {@link GenerationParameters} and {@link TextGeneration} parameters
 * share: how many tokens to generate and how to sample them. Each builder adds its own
 * fields and builds its own record; what is not set stays unset (null).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class SamplingParametersBuilder<B extends SamplingParametersBuilder<B>> {

	@Nullable Integer maxNewTokens;

	@Nullable Double temperature;

	@Nullable Integer topK;

	@Nullable Double topP;

	@Nullable Double typicalP;

	@Nullable Boolean doSample;

	SamplingParametersBuilder() {
	}

	/**
	 * Sets {@code maxNewTokens}.
	 * @param maxNewTokens maximum number of tokens to generate
	 * @return this builder
	 */
	public B maxNewTokens(@Nullable Integer maxNewTokens) {
		this.maxNewTokens = maxNewTokens;
		return self();
	}

	/**
	 * Sets {@code temperature}.
	 * @param temperature value used to modulate the next token probabilities
	 * @return this builder
	 */
	public B temperature(@Nullable Double temperature) {
		this.temperature = temperature;
		return self();
	}

	/**
	 * Sets {@code topK}.
	 * @param topK number of highest probability tokens kept for top-k filtering
	 * @return this builder
	 */
	public B topK(@Nullable Integer topK) {
		this.topK = topK;
		return self();
	}

	/**
	 * Sets {@code topP}.
	 * @param topP keep the smallest set of tokens whose probabilities add up to this value
	 * @return this builder
	 */
	public B topP(@Nullable Double topP) {
		this.topP = topP;
		return self();
	}

	/**
	 * Sets {@code typicalP}.
	 * @param typicalP typical-decoding probability mass
	 * @return this builder
	 */
	public B typicalP(@Nullable Double typicalP) {
		this.typicalP = typicalP;
		return self();
	}

	/**
	 * Sets {@code doSample}.
	 * @param doSample whether to sample instead of decoding greedily
	 * @return this builder
	 */
	public B doSample(@Nullable Boolean doSample) {
		this.doSample = doSample;
		return self();
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

}
