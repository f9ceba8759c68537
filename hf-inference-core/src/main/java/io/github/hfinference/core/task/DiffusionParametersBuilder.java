package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * The part the builders of the diffusion tasks' parameters share ({@link TextToImage},
 * {@link ImageToImage}, {@link TextToVideo} and the tasks reusing their parameters): the
 * negative prompt, the number of denoising steps and the guidance scale. Each builder adds
 * its own fields and builds its own record; what is not set stays unset (null).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class DiffusionParametersBuilder<B extends DiffusionParametersBuilder<B>> {

	@Nullable String negativePrompt;

	@Nullable Integer numInferenceSteps;

	@Nullable Double guidanceScale;

	DiffusionParametersBuilder() {
	}

	/**
	 * Sets {@code negativePrompt}.
	 * @param negativePrompt what not to include
	 * @return this builder
	 */
	public B negativePrompt(@Nullable String negativePrompt) {
		this.negativePrompt = negativePrompt;
		return self();
	}

	/**
	 * Sets {@code numInferenceSteps}.
	 * @param numInferenceSteps number of denoising steps
	 * @return this builder
	 */
	public B numInferenceSteps(@Nullable Integer numInferenceSteps) {
		this.numInferenceSteps = numInferenceSteps;
		return self();
	}

	/**
	 * Sets {@code guidanceScale}.
	 * @param guidanceScale how closely to follow the prompt
	 * @return this builder
	 */
	public B guidanceScale(@Nullable Double guidanceScale) {
		this.guidanceScale = guidanceScale;
		return self();
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

}
