package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code summarization}: a shorter version of a text. Servers answer
 * {@code [{"summary_text"}]} where the spec says an object; both are read.
 */
public final class Summarization {

	/** The task definition. */
	public static final Task<String, Parameters, Output> TASK = TaskDefinitions
		.single("summarization", String.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private Summarization() {
	}

	/**
	 * Parameters of summarization.
	 *
	 * @param cleanUpTokenizationSpaces whether to clean up extra spaces in the text
	 * @param truncation how to truncate over-long inputs
	 * @param generateParameters how the model generates the text
	 */
	public record Parameters(@Nullable Boolean cleanUpTokenizationSpaces, @Nullable Truncation truncation,
			@Nullable GenerationParameters generateParameters) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().cleanUpTokenizationSpaces(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends TextToTextParametersBuilder<Builder> {

			private Builder() {
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.cleanUpTokenizationSpaces, this.truncation, this.generateParameters);
			}

		}

	}

	/**
	 * The summary.
	 *
	 * @param summaryText the summarized text
	 */
	public record Output(String summaryText) {

	}

}
