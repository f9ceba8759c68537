package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * How a model generates text inside a non-text-generation task (speech recognition,
 * image captioning, speech synthesis): the spec's shared {@code generation_parameters}.
 *
 * @param temperature value used to modulate the next token probabilities
 * @param topK number of highest probability tokens kept for top-k filtering
 * @param topP keep the smallest set of tokens whose probabilities add up to this value
 * @param typicalP typical-decoding probability mass
 * @param epsilonCutoff only sample tokens with a probability above this value
 * @param etaCutoff eta-sampling cutoff
 * @param maxLength maximum length of the generated text, input included
 * @param maxNewTokens maximum number of tokens to generate
 * @param minLength minimum length of the generated text, input included
 * @param minNewTokens minimum number of tokens to generate
 * @param doSample whether to sample instead of decoding greedily
 * @param earlyStopping stopping condition of beam-based methods
 * @param numBeams number of beams for beam search
 * @param numBeamGroups number of groups the beams are divided into
 * @param penaltyAlpha balance of confidence and degeneration penalty in contrastive search
 * @param useCache whether to reuse past attention keys and values
 */
public record GenerationParameters(@Nullable Double temperature, @Nullable Integer topK, @Nullable Double topP,
		@Nullable Double typicalP, @Nullable Double epsilonCutoff, @Nullable Double etaCutoff,
		@Nullable Integer maxLength, @Nullable Integer maxNewTokens, @Nullable Integer minLength,
		@Nullable Integer minNewTokens, @Nullable Boolean doSample, @Nullable Boolean earlyStopping,
		@Nullable Integer numBeams, @Nullable Integer numBeamGroups, @Nullable Double penaltyAlpha,
		@Nullable Boolean useCache) {

	/**
	 * Only a token budget.
	 * @param maxNewTokens maximum number of tokens to generate
	 * @return the parameters
	 */
	public static GenerationParameters maxNewTokens(int maxNewTokens) {
		return new GenerationParameters(null, null, null, null, null, null, null, maxNewTokens, null, null, null, null,
				null, null, null, null);
	}

	/**
	 * A builder with every parameter unset: {@code GenerationParameters.builder().temperature(..).build()}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link GenerationParameters} by name; what is not set stays unset (null). */
	public static final class Builder extends SamplingParametersBuilder<Builder> {

		private @Nullable Double epsilonCutoff;

		private @Nullable Double etaCutoff;

		private @Nullable Integer maxLength;

		private @Nullable Integer minLength;

		private @Nullable Integer minNewTokens;

		private @Nullable Boolean earlyStopping;

		private @Nullable Integer numBeams;

		private @Nullable Integer numBeamGroups;

		private @Nullable Double penaltyAlpha;

		private @Nullable Boolean useCache;

		private Builder() {
		}

		/**
		 * Sets {@code epsilonCutoff}.
		 * @param epsilonCutoff only sample tokens with a probability above this value
		 * @return this builder
		 */
		public Builder epsilonCutoff(@Nullable Double epsilonCutoff) {
			this.epsilonCutoff = epsilonCutoff;
			return this;
		}

		/**
		 * Sets {@code etaCutoff}.
		 * @param etaCutoff eta-sampling cutoff
		 * @return this builder
		 */
		public Builder etaCutoff(@Nullable Double etaCutoff) {
			this.etaCutoff = etaCutoff;
			return this;
		}

		/**
		 * Sets {@code maxLength}.
		 * @param maxLength maximum length of the generated text, input included
		 * @return this builder
		 */
		public Builder maxLength(@Nullable Integer maxLength) {
			this.maxLength = maxLength;
			return this;
		}

		/**
		 * Sets {@code minLength}.
		 * @param minLength minimum length of the generated text, input included
		 * @return this builder
		 */
		public Builder minLength(@Nullable Integer minLength) {
			this.minLength = minLength;
			return this;
		}

		/**
		 * Sets {@code minNewTokens}.
		 * @param minNewTokens minimum number of tokens to generate
		 * @return this builder
		 */
		public Builder minNewTokens(@Nullable Integer minNewTokens) {
			this.minNewTokens = minNewTokens;
			return this;
		}

		/**
		 * Sets {@code earlyStopping}.
		 * @param earlyStopping stopping condition of beam-based methods
		 * @return this builder
		 */
		public Builder earlyStopping(@Nullable Boolean earlyStopping) {
			this.earlyStopping = earlyStopping;
			return this;
		}

		/**
		 * Sets {@code numBeams}.
		 * @param numBeams number of beams for beam search
		 * @return this builder
		 */
		public Builder numBeams(@Nullable Integer numBeams) {
			this.numBeams = numBeams;
			return this;
		}

		/**
		 * Sets {@code numBeamGroups}.
		 * @param numBeamGroups number of groups the beams are divided into
		 * @return this builder
		 */
		public Builder numBeamGroups(@Nullable Integer numBeamGroups) {
			this.numBeamGroups = numBeamGroups;
			return this;
		}

		/**
		 * Sets {@code penaltyAlpha}.
		 * @param penaltyAlpha balance of confidence and degeneration penalty in contrastive search
		 * @return this builder
		 */
		public Builder penaltyAlpha(@Nullable Double penaltyAlpha) {
			this.penaltyAlpha = penaltyAlpha;
			return this;
		}

		/**
		 * Sets {@code useCache}.
		 * @param useCache whether to reuse past attention keys and values
		 * @return this builder
		 */
		public Builder useCache(@Nullable Boolean useCache) {
			this.useCache = useCache;
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 */
		public GenerationParameters build() {
			return new GenerationParameters(this.temperature, this.topK, this.topP, this.typicalP,
					this.epsilonCutoff, this.etaCutoff, this.maxLength, this.maxNewTokens, this.minLength,
					this.minNewTokens, this.doSample, this.earlyStopping, this.numBeams, this.numBeamGroups,
					this.penaltyAlpha, this.useCache);
		}

	}

}
