package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-to-image}: generates an image from a prompt. The answer is the image's bytes
 * ({@code Accept: image/png}, as the Python client sends; servers may still answer JPEG,
 * which {@link BinaryOutput#contentType()} tells).
 */
public final class TextToImage {

	/** The task definition. */
	public static final Task<String, Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("text-to-image", String.class, Parameters.class, Encoders.inputsAndParameters())
		.accept(MediaType.IMAGE_PNG_VALUE)
		.build();

	private TextToImage() {
	}

	/**
	 * Parameters of text-to-image.
	 *
	 * @param negativePrompt what not to include in the image
	 * @param width width of the image in pixels
	 * @param height height of the image in pixels
	 * @param numInferenceSteps number of denoising steps
	 * @param guidanceScale how closely to follow the prompt
	 * @param scheduler a compatible scheduler to use instead of the model's
	 * @param seed random seed
	 */
	public record Parameters(@Nullable String negativePrompt, @Nullable Integer width, @Nullable Integer height,
			@Nullable Integer numInferenceSteps, @Nullable Double guidanceScale, @Nullable String scheduler,
			@Nullable Long seed) {

		/**
		 * Only an image size.
		 * @param width width in pixels
		 * @param height height in pixels
		 * @return the parameters
		 */
		public static Parameters size(int width, int height) {
			return new Parameters(null, width, height, null, null, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().negativePrompt(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends DiffusionParametersBuilder<Builder> {

			private @Nullable Integer width;

			private @Nullable Integer height;

			private @Nullable String scheduler;

			private @Nullable Long seed;

			private Builder() {
			}

			/**
			 * Sets {@code width}.
			 * @param width width of the image in pixels
			 * @return this builder
			 */
			public Builder width(@Nullable Integer width) {
				this.width = width;
				return this;
			}

			/**
			 * Sets {@code height}.
			 * @param height height of the image in pixels
			 * @return this builder
			 */
			public Builder height(@Nullable Integer height) {
				this.height = height;
				return this;
			}

			/**
			 * Sets {@code scheduler}.
			 * @param scheduler a compatible scheduler to use instead of the model's
			 * @return this builder
			 */
			public Builder scheduler(@Nullable String scheduler) {
				this.scheduler = scheduler;
				return this;
			}

			/**
			 * Sets {@code seed}.
			 * @param seed random seed
			 * @return this builder
			 */
			public Builder seed(@Nullable Long seed) {
				this.seed = seed;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.negativePrompt, this.width, this.height, this.numInferenceSteps,
						this.guidanceScale, this.scheduler, this.seed);
			}

		}

	}

}
