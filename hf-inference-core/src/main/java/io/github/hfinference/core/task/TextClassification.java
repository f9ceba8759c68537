package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

/**
 * {@code text-classification}: labels and scores for a text (sentiment, topic, ...).
 * Accepts both the spec's {@code [{label, score}]} and the recorded {@code [[...]]}.
 */
public final class TextClassification {

	/** The task definition. */
	public static final Task<String, ClassificationParameters, List<ClassificationOutput>> TASK = Task
		.<String, ClassificationParameters, List<ClassificationOutput>>builder("text-classification", TaskRoute.MODEL)
		.input(String.class)
		.parameters(ClassificationParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.unwrapNestedList()))
		.build();

	private TextClassification() {
	}

}
