package io.github.hfinference.core.task;

import java.util.List;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-classification}: labels and scores for a text (sentiment, topic, ...).
 * Accepts both the spec's {@code [{label, score}]} and the recorded {@code [[...]]}.
 */
public final class TextClassification {

	/** The task definition. */
	public static final Task<String, ClassificationParameters, List<ClassificationOutput>> TASK = TaskDefinitions
		.list("text-classification", String.class, ClassificationParameters.class, ClassificationOutput.class,
				Encoders.inputsAndParameters())
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.unwrapNestedList()))
		.build();

	private TextClassification() {
	}

}
