package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-to-text}: describes an image (captioning). Servers answer
 * {@code [{"generated_text"}]} where the spec says an object; both are read.
 */
public final class ImageToText {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, Output> TASK = TaskDefinitions
		.single("image-to-text", BinaryInput.class, Parameters.class, Output.class, Encoders.binary())
		.build();

	private ImageToText() {
	}

	/**
	 * Parameters of image-to-text.
	 *
	 * @param maxNewTokens maximum number of tokens to generate
	 * @param generationParameters how the text is generated
	 */
	public record Parameters(@Nullable Integer maxNewTokens, @Nullable GenerationParameters generationParameters) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().maxNewTokens(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends GeneratingParametersBuilder<Builder> {

			private @Nullable Integer maxNewTokens;

			private Builder() {
			}

			/**
			 * Sets {@code maxNewTokens}.
			 * @param maxNewTokens maximum number of tokens to generate
			 * @return this builder
			 */
			public Builder maxNewTokens(@Nullable Integer maxNewTokens) {
				this.maxNewTokens = maxNewTokens;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.maxNewTokens, this.generationParameters);
			}

		}

	}

	/**
	 * The description.
	 *
	 * @param generatedText the generated text
	 */
	public record Output(String generatedText) {

	}

}
