package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * The part the builders of {@link Summarization} and {@link Translation} parameters share:
 * tokenization clean-up, truncation and the generation parameters. Each builder adds its
 * own fields and builds its own record; what is not set stays unset (null).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class TextToTextParametersBuilder<B extends TextToTextParametersBuilder<B>> {

	@Nullable Boolean cleanUpTokenizationSpaces;

	@Nullable Truncation truncation;

	@Nullable GenerationParameters generateParameters;

	TextToTextParametersBuilder() {
	}

	/**
	 * Sets {@code cleanUpTokenizationSpaces}.
	 * @param cleanUpTokenizationSpaces whether to clean up extra spaces in the text
	 * @return this builder
	 */
	public B cleanUpTokenizationSpaces(@Nullable Boolean cleanUpTokenizationSpaces) {
		this.cleanUpTokenizationSpaces = cleanUpTokenizationSpaces;
		return self();
	}

	/**
	 * Sets {@code truncation}.
	 * @param truncation how to truncate over-long inputs
	 * @return this builder
	 */
	public B truncation(@Nullable Truncation truncation) {
		this.truncation = truncation;
		return self();
	}

	/**
	 * Sets {@code generateParameters}.
	 * @param generateParameters how the model generates the text
	 * @return this builder
	 */
	public B generateParameters(@Nullable GenerationParameters generateParameters) {
		this.generateParameters = generateParameters;
		return self();
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

}
