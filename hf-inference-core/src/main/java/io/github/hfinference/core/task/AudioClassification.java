package io.github.hfinference.core.task;

import java.util.List;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code audio-classification}: labels and scores for an audio clip (emotion, speaker, command...). The file is sent as the raw body, or as base64
 * inside a JSON body when parameters are set.
 */
public final class AudioClassification {

	/** The task definition. */
	public static final Task<BinaryInput, ClassificationParameters, List<ClassificationOutput>> TASK = TaskDefinitions
		.list("audio-classification", BinaryInput.class, ClassificationParameters.class, ClassificationOutput.class,
				Encoders.binary())
		.build();

	private AudioClassification() {
	}

}
