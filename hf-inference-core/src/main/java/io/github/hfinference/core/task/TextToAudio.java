package io.github.hfinference.core.task;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-to-audio}: generates audio (music, sound effects) from a prompt. Served by
 * hf-inference (the audio's bytes in the answer) and by fal-ai as a queued media job.
 */
public final class TextToAudio {

	/** The task definition. */
	public static final Task<String, Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("text-to-audio", String.class, Parameters.class, Encoders.inputsAndParameters())
		.accept("audio/*")
		.build();

	private TextToAudio() {
	}

	/**
	 * Parameters of text-to-audio; {@code extra} entries are passed to the provider verbatim.
	 *
	 * @param generationParameters how the audio is generated (hf-inference)
	 * @param extra provider-specific fields ({@code duration}, ...), passed through
	 */
	public record Parameters(@Nullable GenerationParameters generationParameters,
			@JsonIgnore @Nullable Map<String, Object> extra) {

		/**
		 * Only provider-specific fields.
		 * @param extra the fields
		 * @return the parameters
		 */
		public static Parameters extra(Map<String, Object> extra) {
			return new Parameters(null, extra);
		}

		/** The pass-through fields, serialised next to the others. */
		@JsonAnyGetter
		public Map<String, Object> extraFields() {
			return (this.extra != null) ? this.extra : Map.of();
		}

		/**
		 * A builder with every parameter unset.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends GeneratingParametersBuilder<Builder> {

			private @Nullable Map<String, Object> extra;

			private Builder() {
			}

			/**
			 * @param extra provider-specific fields, passed through
			 * @return this builder
			 */
			public Builder extra(@Nullable Map<String, Object> extra) {
				this.extra = extra;
				return this;
			}

			/** @return the parameters */
			public Parameters build() {
				return new Parameters(this.generationParameters, this.extra);
			}

		}

	}

}
