package io.github.hfinference.core.task;

import java.util.List;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-classification}: labels and scores for an image. The file is sent as the raw body, or as base64
 * inside a JSON body when parameters are set.
 */
public final class ImageClassification {

	/** The task definition. */
	public static final Task<BinaryInput, ClassificationParameters, List<ClassificationOutput>> TASK = TaskDefinitions
		.list("image-classification", BinaryInput.class, ClassificationParameters.class, ClassificationOutput.class,
				Encoders.binary())
		.build();

	private ImageClassification() {
	}

}
