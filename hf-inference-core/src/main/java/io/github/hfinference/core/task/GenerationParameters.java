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

}
