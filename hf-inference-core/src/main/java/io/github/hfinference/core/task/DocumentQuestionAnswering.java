package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code document-question-answering}: answers a question about a document image (an
 * invoice, a form...). Sent as {@code {"inputs": {"image": "<base64>", "question"}}}.
 */
public final class DocumentQuestionAnswering {

	/** The task definition. */
	public static final Task<Input, Parameters, List<Output>> TASK = TaskDefinitions
		.list("document-question-answering", Input.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private DocumentQuestionAnswering() {
	}

	/**
	 * The document and the question.
	 *
	 * @param image the document image
	 * @param question the question about it
	 */
	public record Input(BinaryInput image, String question) {

		public Input {
			Required.nonNull(image, "image");
			Required.nonNull(question, "question");
		}

	}

	/**
	 * Parameters of document question answering.
	 *
	 * @param docStride overlap between chunks when the document is split
	 * @param handleImpossibleAnswer whether to accept "impossible" as an answer
	 * @param lang language for OCR
	 * @param maxAnswerLen maximum length of predicted answers
	 * @param maxQuestionLen maximum length of the question after tokenisation
	 * @param maxSeqLen maximum length of each chunk (question and context) after tokenisation
	 * @param topK number of answers to return
	 * @param wordBoxes words and boxes to use instead of running OCR: strings, or
	 * {@code [x0, y0, x1, y1]} boxes
	 */
	public record Parameters(@Nullable Integer docStride, @Nullable Boolean handleImpossibleAnswer,
			@Nullable String lang, @Nullable Integer maxAnswerLen, @Nullable Integer maxQuestionLen,
			@Nullable Integer maxSeqLen, @Nullable Integer topK, @Nullable List<Object> wordBoxes) {

		/**
		 * Only the {@code k} best answers.
		 * @param topK number of answers
		 * @return the parameters
		 */
		public static Parameters topK(int topK) {
			return new Parameters(null, null, null, null, null, null, topK, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().docStride(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Integer docStride;

			private @Nullable Boolean handleImpossibleAnswer;

			private @Nullable String lang;

			private @Nullable Integer maxAnswerLen;

			private @Nullable Integer maxQuestionLen;

			private @Nullable Integer maxSeqLen;

			private @Nullable Integer topK;

			private @Nullable List<Object> wordBoxes;

			private Builder() {
			}

			/**
			 * Sets {@code docStride}.
			 * @param docStride overlap between chunks when the document is split
			 * @return this builder
			 */
			public Builder docStride(@Nullable Integer docStride) {
				this.docStride = docStride;
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
			 * Sets {@code lang}.
			 * @param lang language for OCR
			 * @return this builder
			 */
			public Builder lang(@Nullable String lang) {
				this.lang = lang;
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
			 * Sets {@code maxQuestionLen}.
			 * @param maxQuestionLen maximum length of the question after tokenisation
			 * @return this builder
			 */
			public Builder maxQuestionLen(@Nullable Integer maxQuestionLen) {
				this.maxQuestionLen = maxQuestionLen;
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
			 * Sets {@code topK}.
			 * @param topK number of answers to return
			 * @return this builder
			 */
			public Builder topK(@Nullable Integer topK) {
				this.topK = topK;
				return this;
			}

			/**
			 * Sets {@code wordBoxes}.
			 * @param wordBoxes words and boxes to use instead of running OCR: strings, or {@code [x0, y0, x1, y1]} boxes
			 * @return this builder
			 */
			public Builder wordBoxes(@Nullable List<Object> wordBoxes) {
				this.wordBoxes = wordBoxes;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.docStride, this.handleImpossibleAnswer, this.lang, this.maxAnswerLen,
						this.maxQuestionLen, this.maxSeqLen, this.topK, this.wordBoxes);
			}

		}

	}

	/**
	 * One answer. Generative models (Donut) return only the answer text.
	 *
	 * @param answer the answer
	 * @param score its probability, if the model reports one
	 * @param start index of the answer's first word, if reported
	 * @param end index of the answer's last word, if reported
	 */
	public record Output(String answer, @Nullable Double score, @Nullable Integer start, @Nullable Integer end) {

	}

}
