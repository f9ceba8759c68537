package io.github.hfinference.core.task;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code image-text-to-image}: edits an image as the prompt in
 * {@link ImageToImage.Parameters#prompt()} says. Not served by hf-inference: it runs as a
 * queued media job on fal-ai or WaveSpeed, and the answer is the image's bytes.
 */
public final class ImageTextToImage {

	/** The task definition. */
	public static final Task<BinaryInput, ImageToImage.Parameters, BinaryOutput> TASK = Task
		.<BinaryInput, ImageToImage.Parameters, BinaryOutput>builder("image-text-to-image", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(ImageToImage.Parameters.class)
		.result(BinaryOutput.class)
		.encoder(Encoders.binary())
		.decoder(Decoders.binary())
		.build();

	private ImageTextToImage() {
	}

}
