package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-to-speech}: speaks a text. The answer is the audio's bytes (for example
 * {@code audio/flac}); {@code Accept: audio/*} states that any audio format will do.
 */
public final class TextToSpeech {

	/** The task definition. */
	public static final Task<String, Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("text-to-speech", String.class, Parameters.class, Encoders.inputsAndParameters())
		.accept("audio/*")
		.build();

	private TextToSpeech() {
	}

	/**
	 * Parameters of text-to-speech.
	 *
	 * @param generationParameters how the speech is generated
	 */
	public record Parameters(@Nullable GenerationParameters generationParameters) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().generationParameters(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends GeneratingParametersBuilder<Builder> {

			private Builder() {
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.generationParameters);
			}

		}

	}

}
