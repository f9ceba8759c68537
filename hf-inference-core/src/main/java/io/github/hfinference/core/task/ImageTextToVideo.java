package io.github.hfinference.core.task;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code image-text-to-video}: a video from an image and the prompt in
 * {@link TextToVideo.Parameters#prompt()}. Not served by hf-inference: it runs as a queued
 * media job on fal-ai or WaveSpeed, and the answer is the video's bytes.
 */
public final class ImageTextToVideo {

	/** The task definition. */
	public static final Task<BinaryInput, TextToVideo.Parameters, BinaryOutput> TASK = Task
		.<BinaryInput, TextToVideo.Parameters, BinaryOutput>builder("image-text-to-video", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(TextToVideo.Parameters.class)
		.result(BinaryOutput.class)
		.encoder(Encoders.binary())
		.decoder(Decoders.binary())
		.build();

	private ImageTextToVideo() {
	}

}
