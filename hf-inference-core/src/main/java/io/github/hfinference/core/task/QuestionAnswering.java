package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code question-answering}: extracts the answer to a question from a context text. The
 * server answers one object, or a list when {@code top_k > 1}; both are read as a list.
 */
public final class QuestionAnswering {

	/** The task definition. */
	public static final Task<Input, Parameters, List<Output>> TASK = TaskDefinitions
		.list("question-answering", Input.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private QuestionAnswering() {
	}

	/**
	 * The question and the text holding the answer.
	 *
	 * @param question the question
	 * @param context the text to search
	 */
	public record Input(String question, String context) {

		public Input {
			Required.nonNull(question, "question");
			Required.nonNull(context, "context");
		}

	}

	/**
	 * Parameters of question answering.
	 *
	 * @param topK number of answers to return
	 * @param docStride overlap between chunks when the context is split
	 * @param maxAnswerLen maximum length of predicted answers
	 * @param maxSeqLen maximum length of each chunk (question and context) after tokenisation
	 * @param maxQuestionLen maximum length of the question after tokenisation
	 * @param handleImpossibleAnswer whether to accept "impossible" as an answer
	 * @param alignToWords whether to align the answer to words
	 */
	public record Parameters(@Nullable Integer topK, @Nullable Integer docStride, @Nullable Integer maxAnswerLen,
			@Nullable Integer maxSeqLen, @Nullable Integer maxQuestionLen, @Nullable Boolean handleImpossibleAnswer,
			@Nullable Boolean alignToWords) {

		/**
		 * Only the {@code k} best answers.
		 * @param topK number of answers
		 * @return the parameters
		 */
		public static Parameters topK(int topK) {
			return new Parameters(topK, null, null, null, null, null, null);
		}

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

			private @Nullable Integer docStride;

			private @Nullable Integer maxAnswerLen;

			private @Nullable Integer maxSeqLen;

			private @Nullable Integer maxQuestionLen;

			private @Nullable Boolean handleImpossibleAnswer;

			private @Nullable Boolean alignToWords;

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
			 * Sets {@code docStride}.
			 * @param docStride overlap between chunks when the context is split
			 * @return this builder
			 */
			public Builder docStride(@Nullable Integer docStride) {
				this.docStride = docStride;
				return this;
			}

			/**
			 * Sets {@code maxAnswerLen}.
			 * @param maxAnswerLen maximum length of predicted answers
			 * @return this builder
			 */
			public Builder maxAnswerLen(@Nullable Integer maxAnswerLen) {
				this.maxAnswerLen = maxAnswerLen;
				return this;
			}

			/**
			 * Sets {@code maxSeqLen}.
			 * @param maxSeqLen maximum length of each chunk (question and context) after tokenisation
			 * @return this builder
			 */
			public Builder maxSeqLen(@Nullable Integer maxSeqLen) {
				this.maxSeqLen = maxSeqLen;
				return this;
			}

			/**
			 * Sets {@code maxQuestionLen}.
			 * @param maxQuestionLen maximum length of the question after tokenisation
			 * @return this builder
			 */
			public Builder maxQuestionLen(@Nullable Integer maxQuestionLen) {
				this.maxQuestionLen = maxQuestionLen;
				return this;
			}

			/**
			 * Sets {@code handleImpossibleAnswer}.
			 * @param handleImpossibleAnswer whether to accept "impossible" as an answer
			 * @return this builder
			 */
			public Builder handleImpossibleAnswer(@Nullable Boolean handleImpossibleAnswer) {
				this.handleImpossibleAnswer = handleImpossibleAnswer;
				return this;
			}

			/**
			 * Sets {@code alignToWords}.
			 * @param alignToWords whether to align the answer to words
			 * @return this builder
			 */
			public Builder alignToWords(@Nullable Boolean alignToWords) {
				this.alignToWords = alignToWords;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.topK, this.docStride, this.maxAnswerLen, this.maxSeqLen,
						this.maxQuestionLen, this.handleImpossibleAnswer, this.alignToWords);
			}

		}

	}

	/**
	 * One answer.
	 *
	 * @param answer the answer text
	 * @param score its probability
	 * @param start character offset of the answer in the context
	 * @param end character offset just after the answer
	 */
	public record Output(String answer, double score, int start, int end) {

	}

}
