package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code automatic-speech-recognition}: transcribes an audio clip, optionally with
 * timestamped chunks.
 */
public final class AutomaticSpeechRecognition {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, Output> TASK = TaskDefinitions
		.single("automatic-speech-recognition", BinaryInput.class, Parameters.class, Output.class, Encoders.binary())
		.build();

	private AutomaticSpeechRecognition() {
	}

	/**
	 * Parameters of speech recognition.
	 *
	 * @param returnTimestamps whether to return timestamped chunks
	 * @param generationParameters how the transcript is generated
	 */
	public record Parameters(@Nullable Boolean returnTimestamps, @Nullable GenerationParameters generationParameters) {

		/** Ask for timestamped chunks. */
		public static Parameters withTimestamps() {
			return new Parameters(true, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().returnTimestamps(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends GeneratingParametersBuilder<Builder> {

			private @Nullable Boolean returnTimestamps;

			private Builder() {
			}

			/**
			 * Sets {@code returnTimestamps}.
			 * @param returnTimestamps whether to return timestamped chunks
			 * @return this builder
			 */
			public Builder returnTimestamps(@Nullable Boolean returnTimestamps) {
				this.returnTimestamps = returnTimestamps;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.returnTimestamps, this.generationParameters);
			}

		}

	}

	/**
	 * A transcript.
	 *
	 * @param text the recognised text
	 * @param chunks timestamped pieces, when requested
	 */
	public record Output(String text, @Nullable List<Chunk> chunks) {

	}

	/**
	 * A timestamped piece of a transcript.
	 *
	 * @param text the piece's text
	 * @param timestamp its start and end, in seconds
	 */
	public record Chunk(String text, List<Double> timestamp) {

		/** Start of the piece, in seconds. */
		public double start() {
			return this.timestamp.get(0);
		}

		/** End of the piece, in seconds (may be missing for the last piece of a stream). */
		public @Nullable Double end() {
			return (this.timestamp.size() > 1) ? this.timestamp.get(1) : null;
		}

	}

}
