package io.github.hfinference.core.task;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-text-to-image}: edits an image as the prompt in
 * {@link ImageToImage.Parameters#prompt()} says. Not served by hf-inference: it runs as a
 * queued media job on fal-ai or WaveSpeed, and the answer is the image's bytes.
 */
public final class ImageTextToImage {

	/** The task definition. */
	public static final Task<BinaryInput, ImageToImage.Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("image-text-to-image", BinaryInput.class, ImageToImage.Parameters.class, Encoders.binary())
		.build();

	private ImageTextToImage() {
	}

}
