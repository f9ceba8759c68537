package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

/**
 * {@code audio-classification}: labels and scores for an audio clip (emotion, speaker, command...). The file is sent as the raw body, or as base64
 * inside a JSON body when parameters are set.
 */
public final class AudioClassification {

	/** The task definition. */
	public static final Task<BinaryInput, ClassificationParameters, List<ClassificationOutput>> TASK = Task
		.<BinaryInput, ClassificationParameters, List<ClassificationOutput>>builder("audio-classification", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(ClassificationParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.binary())
		.decoder(Decoders.list(ClassificationOutput.class))
		.build();

	private AudioClassification() {
	}

}
