package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

/**
 * {@code image-classification}: labels and scores for an image. The file is sent as the raw body, or as base64
 * inside a JSON body when parameters are set.
 */
public final class ImageClassification {

	/** The task definition. */
	public static final Task<BinaryInput, ClassificationParameters, List<ClassificationOutput>> TASK = Task
		.<BinaryInput, ClassificationParameters, List<ClassificationOutput>>builder("image-classification", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(ClassificationParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.binary())
		.decoder(Decoders.list(ClassificationOutput.class))
		.build();

	private ImageClassification() {
	}

}
