package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * {@code document-question-answering}: answers a question about a document image (an
 * invoice, a form...). Sent as {@code {"inputs": {"image": "<base64>", "question"}}}.
 */
public final class DocumentQuestionAnswering {

	/** The task definition. */
	public static final Task<Input, Parameters, List<Output>> TASK = Task
		.<Input, Parameters, List<Output>>builder("document-question-answering", TaskRoute.MODEL)
		.input(Input.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.list(Output.class))
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
