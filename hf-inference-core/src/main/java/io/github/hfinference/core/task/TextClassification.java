package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * {@code text-classification}: labels and scores for a text (sentiment, topic, ...).
 * Accepts both the spec's {@code [{label, score}]} and the recorded {@code [[...]]}.
 */
public final class TextClassification {

	/** The task definition. */
	public static final Task<String, Parameters, List<ClassificationOutput>> TASK = Task
		.<String, Parameters, List<ClassificationOutput>>builder("text-classification", TaskRoute.MODEL)
		.input(String.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.unwrapNestedList()))
		.build();

	private TextClassification() {
	}

	/**
	 * Parameters of text classification.
	 *
	 * @param topK how many of the most likely labels to return
	 * @param functionToApply function applied to the model's scores
	 */
	public record Parameters(@Nullable Integer topK, @Nullable FunctionToApply functionToApply) {

	}

}
