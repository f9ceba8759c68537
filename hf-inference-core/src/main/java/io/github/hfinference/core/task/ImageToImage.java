package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-to-image}: transforms an image (ControlNet, inpainting, super-resolution...).
 * The image is sent as the raw body, or as base64 inside a JSON body when parameters (such
 * as a prompt) are set; the answer is the image's bytes ({@code Accept: image/png}, as the
 * Python client sends).
 */
public final class ImageToImage {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("image-to-image", BinaryInput.class, Parameters.class, Encoders.binary())
		.accept(MediaType.IMAGE_PNG_VALUE)
		.build();

	private ImageToImage() {
	}

	/**
	 * Parameters of image-to-image.
	 *
	 * @param prompt text guiding the transformation
	 * @param negativePrompt what not to include
	 * @param targetSize size of the output image in pixels
	 * @param numInferenceSteps number of denoising steps
	 * @param guidanceScale how closely to follow the prompt
	 */
	public record Parameters(@Nullable String prompt, @Nullable String negativePrompt, @Nullable TargetSize targetSize,
			@Nullable Integer numInferenceSteps, @Nullable Double guidanceScale) {

		/**
		 * Only a prompt.
		 * @param prompt text guiding the transformation
		 * @return the parameters
		 */
		public static Parameters prompt(String prompt) {
			return new Parameters(prompt, null, null, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().prompt(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends DiffusionParametersBuilder<Builder> {

			private @Nullable String prompt;

			private @Nullable TargetSize targetSize;

			private Builder() {
			}

			/**
			 * Sets {@code prompt}.
			 * @param prompt text guiding the transformation
			 * @return this builder
			 */
			public Builder prompt(@Nullable String prompt) {
				this.prompt = prompt;
				return this;
			}

			/**
			 * Sets {@code targetSize}.
			 * @param targetSize size of the output image in pixels
			 * @return this builder
			 */
			public Builder targetSize(@Nullable TargetSize targetSize) {
				this.targetSize = targetSize;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.prompt, this.negativePrompt, this.targetSize, this.numInferenceSteps,
						this.guidanceScale);
			}

		}

	}

	/**
	 * An image size.
	 *
	 * @param width width in pixels
	 * @param height height in pixels
	 */
	public record TargetSize(int width, int height) {

	}

}
