package io.github.hfinference.core.task;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-text-to-video}: a video from an image and the prompt in
 * {@link TextToVideo.Parameters#prompt()}. Not served by hf-inference: it runs as a queued
 * media job on fal-ai or WaveSpeed, and the answer is the video's bytes.
 */
public final class ImageTextToVideo {

	/** The task definition. */
	public static final Task<BinaryInput, TextToVideo.Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("image-text-to-video", BinaryInput.class, TextToVideo.Parameters.class, Encoders.binary())
		.build();

	private ImageTextToVideo() {
	}

}
