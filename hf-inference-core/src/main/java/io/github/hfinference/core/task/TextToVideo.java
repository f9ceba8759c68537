package io.github.hfinference.core.task;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-to-video}: generates a video from a prompt. Not served by hf-inference: it
 * runs as a long-running job on fal-ai, Replicate or an OpenAI-compatible gateway, and the
 * answer is the video's bytes.
 */
public final class TextToVideo {

	/** The task definition. */
	public static final Task<String, Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("text-to-video", String.class, Parameters.class, Encoders.inputsAndParameters())
		.build();

	private TextToVideo() {
	}

	/**
	 * Parameters of text-to-video and image-to-video; {@code extra} entries are passed to
	 * the provider verbatim, next to the others.
	 *
	 * @param prompt the prompt (image-to-video only; text-to-video takes it as input)
	 * @param negativePrompt what not to include
	 * @param numFrames number of frames
	 * @param numInferenceSteps number of denoising steps
	 * @param guidanceScale how closely to follow the prompt
	 * @param seed random seed
	 * @param duration length in seconds (gateways)
	 * @param size the resolution, e.g. {@code 1280x720} (gateways)
	 * @param extra provider-specific fields, passed through
	 */
	public record Parameters(@Nullable String prompt, @Nullable String negativePrompt, @Nullable Integer numFrames,
			@Nullable Integer numInferenceSteps, @Nullable Double guidanceScale, @Nullable Long seed,
			@Nullable Integer duration, @Nullable String size,
			@com.fasterxml.jackson.annotation.JsonIgnore @Nullable Map<String, Object> extra) {

		/**
		 * Only provider-specific fields.
		 * @param extra the fields
		 * @return the parameters
		 */
		public static Parameters extra(Map<String, Object> extra) {
			return new Parameters(null, null, null, null, null, null, null, null, extra);
		}

		/**
		 * A duration and a size, as gateways take them.
		 * @param seconds the duration in seconds
		 * @param size the size, e.g. {@code 1280x720}
		 * @return the parameters
		 */
		public static Parameters of(int seconds, String size) {
			return new Parameters(null, null, null, null, null, null, seconds, size, null);
		}

		/** The pass-through fields, serialised next to the others. */
		@JsonAnyGetter
		public Map<String, Object> extraFields() {
			return (this.extra != null) ? this.extra : Map.of();
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

			private @Nullable Integer numFrames;

			private @Nullable Long seed;

			private @Nullable Integer duration;

			private @Nullable String size;

			private @Nullable Map<String, Object> extra;

			private Builder() {
			}

			/**
			 * Sets {@code prompt}.
			 * @param prompt the prompt (image-to-video only; text-to-video takes it as input)
			 * @return this builder
			 */
			public Builder prompt(@Nullable String prompt) {
				this.prompt = prompt;
				return this;
			}

			/**
			 * Sets {@code numFrames}.
			 * @param numFrames number of frames
			 * @return this builder
			 */
			public Builder numFrames(@Nullable Integer numFrames) {
				this.numFrames = numFrames;
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
			 * Sets {@code duration}.
			 * @param duration length in seconds (gateways)
			 * @return this builder
			 */
			public Builder duration(@Nullable Integer duration) {
				this.duration = duration;
				return this;
			}

			/**
			 * Sets {@code size}.
			 * @param size the resolution, e.g. {@code 1280x720} (gateways)
			 * @return this builder
			 */
			public Builder size(@Nullable String size) {
				this.size = size;
				return this;
			}

			/**
			 * Sets {@code extra}.
			 * @param extra provider-specific fields, passed through
			 * @return this builder
			 */
			public Builder extra(@Nullable Map<String, Object> extra) {
				this.extra = extra;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.prompt, this.negativePrompt, this.numFrames, this.numInferenceSteps,
						this.guidanceScale, this.seed, this.duration, this.size, this.extra);
			}

		}

	}

}
