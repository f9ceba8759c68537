package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code visual-question-answering}: answers a question about an image. Sent as
 * {@code {"inputs": {"image": "<base64>", "question"}}} (the spec's and the JS client's
 * shape).
 */
public final class VisualQuestionAnswering {

	/** The task definition. */
	public static final Task<Input, Parameters, List<Output>> TASK = TaskDefinitions
		.list("visual-question-answering", Input.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private VisualQuestionAnswering() {
	}

	/**
	 * The image and the question.
	 *
	 * @param image the image
	 * @param question the question about it
	 */
	public record Input(BinaryInput image, String question) {

		public Input {
			Required.nonNull(image, "image");
			Required.nonNull(question, "question");
		}

	}

	/**
	 * Parameters of visual question answering.
	 *
	 * @param topK number of answers to return
	 */
	public record Parameters(@Nullable Integer topK) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().topK(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Integer topK;

			private Builder() {
			}

			/**
			 * Sets {@code topK}.
			 * @param topK number of answers to return
			 * @return this builder
			 */
			public Builder topK(@Nullable Integer topK) {
				this.topK = topK;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.topK);
			}

		}

	}

	/**
	 * One answer.
	 *
	 * @param answer the answer
	 * @param score its probability
	 */
	public record Output(String answer, double score) {

	}

}
